// description: >-
//   The draft extractor's gazetteer: for each name key (graph.names.name_key), the entities one
//   of whose names or aliases is exactly that key, through the keyword full-text index. Keys
//   that name nothing are left out.
// mode: read
// params:
//   terms: {type: list, description: "{key, term}: a name key, and it as a quoted Lucene term (graph.names.lucene_phrase)"}
// returns: key, entities (list of {id, name, kind, aliases, external_ids})
UNWIND $terms AS t
CALL (t) {
  CALL db.index.fulltext.queryNodes('entity_keys', t.term) YIELD node
  WITH node ORDER BY node.id
  RETURN collect(node {.id, .name, .kind, aliases: coalesce(node.aliases, []),
                       external_ids: coalesce(node.external_ids, [])}) AS entities
}
WITH t, entities WHERE size(entities) > 0
RETURN t.key AS key, entities

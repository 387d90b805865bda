// description: >-
//   Entities one of whose names or aliases is exactly the given key (see graph.names.name_key),
//   through the keyword full-text index; optionally of one kind.
// mode: read
// params:
//   term: {type: string, description: "the key as a quoted Lucene term (graph.names.lucene_phrase)"}
//   kind: {type: string, default: null, description: an entity kind, or null for any}
//   limit: {type: integer, default: 50, description: most rows returned}
// returns: id, name, kind, aliases, degree
CALL db.index.fulltext.queryNodes('entity_keys', $term) YIELD node
WITH node AS e
WHERE $kind IS NULL OR e.kind = $kind
RETURN e.id AS id, e.name AS name, e.kind AS kind, coalesce(e.aliases, []) AS aliases,
       COUNT { (e)-[r]-(:Entity) } AS degree
ORDER BY degree DESC, id
LIMIT $limit

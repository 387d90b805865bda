// description: >-
//   Entities one of whose names or aliases is within two edits of a word of the reference
//   (a Lucene fuzzy query over the entity_search index): the candidates graph.references.rank_similar
//   ranks into suggestions, when a reference names nothing or a search finds nothing.
// mode: read
// params:
//   query: {type: string, description: "a fuzzy Lucene query built by graph.references.fuzzy_query"}
//   kind: {type: string, default: null, description: an entity kind, or null for any}
//   limit: {type: integer, default: 100, description: most candidates}
// returns: id, name, kind, aliases, degree
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $limit}) YIELD node
WITH node AS e
WHERE $kind IS NULL OR e.kind = $kind
RETURN e.id AS id, e.name AS name, e.kind AS kind, coalesce(e.aliases, []) AS aliases,
       COUNT { (e)-[r]-(:Entity) } AS degree

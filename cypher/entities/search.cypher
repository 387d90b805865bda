// description: Full-text search over names and aliases, best matches first; optionally of one kind.
// mode: read
// params:
//   query: {type: string, description: "a Lucene query built by graph.services.entities (escaped terms)"}
//   kind: {type: string, default: null, description: an entity kind, or null for any}
//   limit: {type: integer, default: 20, description: most rows returned}
// returns: id, name, kind, aliases, degree, score
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $limit * 5}) YIELD node, score
WITH node AS e, score
WHERE $kind IS NULL OR e.kind = $kind
RETURN e.id AS id, e.name AS name, e.kind AS kind, coalesce(e.aliases, []) AS aliases,
       COUNT { (e)-[r]-(:Entity) } AS degree, score
ORDER BY score DESC, degree DESC, id
LIMIT $limit

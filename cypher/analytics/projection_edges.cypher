// description: >-
//   The edges of the analytics projection: every edge between two entities that the edge filter
//   allows (the shared predicate of graph/services/filters.py), one compact row each, unordered so
//   that a million rows stream. Mentions, evidence and the GraphMeta node are never part of it.
//   With `kinds`, only edges whose two ends are of those kinds.
// mode: read
// params:
//   filter: {type: map, description: the edge filter (cypher/fragments/edge_allowed.cypher)}
//   kinds: {type: list, default: null, description: "node kinds both ends must have; null for any"}
// returns: source (entity id), target (entity id), weight (evidence count, 1 when unset)
MATCH (s:Entity)-[r]->(o:Entity)
WHERE {{edge_allowed}}
  AND ($kinds IS NULL OR (s.kind IN $kinds AND o.kind IN $kinds))
RETURN s.id AS source, o.id AS target, coalesce(r.weight, 1) AS weight

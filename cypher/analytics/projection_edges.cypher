// description: >-
//   The edges of the analytics projection: every edge between two entities that the edge filter
//   allows (the shared predicate of graph/filters.py), as a few rows of parallel lists
//   (one row per block of 4,096 internal ids of the sources, in no order): a million edges arrive in
//   a few dozen rows instead of a million. Neo4j holds the lists until the last edge is read (about
//   90 bytes an edge). Mentions, evidence and the GraphMeta node are never part of it.
//   With `kinds`, only edges whose two ends are of those kinds. With `partitions` above 1, only the
//   edges whose source's internal id leaves `partition` when divided by it: the projection is read
//   as that many statements side by side, one per core of Neo4j (each statement runs on one).
// mode: read
// params:
//   filter: {type: map, description: the edge filter (cypher/fragments/edge_allowed.cypher)}
//   kinds: {type: list, default: null, description: "node kinds both ends must have; null for any"}
//   partitions: {type: integer, default: 1, description: how many statements read the edges between them}
//   partition: {type: integer, default: 0, description: "which of them this is, from 0 to partitions - 1"}
// returns: >-
//   sources, targets (the edges' ends as the internal node ids projection_nodes returns as `nodes`),
//   weights (evidence count, 1 when unset): three lists of the same length per row
MATCH (s:Entity)-[r]->(o:Entity)
WHERE id(s) % $partitions = $partition AND {{edge_allowed}}
  AND ($kinds IS NULL OR (s.kind IN $kinds AND o.kind IN $kinds))
// Internal ids: no property read per end, and integers decode far faster than strings (id() is
// deprecated without a replacement; elementId() is a long string). Valid within one graph version,
// which the centrality service checks before and after reading.
WITH id(s) / 4096 AS chunk, collect(id(s)) AS sources, collect(id(o)) AS targets,
     collect(coalesce(r.weight, 1)) AS weights
RETURN sources, targets, weights

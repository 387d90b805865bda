// description: >-
//   The nodes of the analytics projection: every entity (or those of the listed kinds), ordered by
//   id so that the projection (and a seeded sample of it) is the same on every read of the same
//   graph, as rows of parallel lists of up to 10,000 entities each (a few rows instead of one per
//   entity: the driver's cost is per row). With the filter's as_of or publishers, only the entities
//   it keeps (fragments/entity_allowed): the graph as known that day, or as those publishers tell
//   it, has no others.
// mode: read
// params:
//   kinds: {type: list, default: null, description: "node kinds to keep; null for every entity"}
//   filter: {type: map, description: "the edge filter; as_of and publishers are read (fragments/entity_allowed)"}
// returns: >-
//   ids, names, kinds (lists of the same length, in id order), nodes (their internal node ids, as
//   projection_edges returns the ends of edges)
MATCH (e:Entity)
WHERE ($kinds IS NULL OR e.kind IN $kinds) AND {{entity_allowed}}
WITH e ORDER BY e.id
WITH collect(e) AS entities
UNWIND range(0, size(entities) - 1, 10000) AS first
WITH entities[first..first + 10000] AS chunk
RETURN [e IN chunk | e.id] AS ids, [e IN chunk | e.name] AS names, [e IN chunk | e.kind] AS kinds,
       [e IN chunk | id(e)] AS nodes

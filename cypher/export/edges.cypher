// description: >-
//   Every edge between entities that the filter allows, with its evidence in document order.
//   Evidence is looked up by the edge id index, one edge at a time, so the result streams.
// mode: read
// params:
//   filter: {type: map, description: the edge filter (cypher/fragments/edge_allowed.cypher)}
// returns: edge (map)
MATCH (s:Entity)-[r]->(o:Entity)
WHERE {{edge_allowed}}
WITH s, r, o ORDER BY r.id
RETURN {{edge_map}} AS edge

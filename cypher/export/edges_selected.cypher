// description: The edges among the listed entities that the filter allows, with their evidence.
// mode: read
// params:
//   ids: {type: list, description: entity ids}
//   filter: {type: map, description: the edge filter (cypher/fragments/edge_allowed.cypher)}
// returns: edge (map)
UNWIND $ids AS id
MATCH (s:Entity {id: id})-[r]->(o:Entity)
WHERE o.id IN $ids AND {{edge_allowed}}
WITH s, r, o ORDER BY r.id
RETURN {{edge_map}} AS edge

// description: >-
//   The entities one hop from any of the given ones over the edges the filter allows, not
//   counting those already known: one step of the breadth-first walk behind /subgraph?center=.
// mode: read
// params:
//   frontier: {type: list, description: entity ids to expand}
//   known: {type: list, description: entity ids already in the subgraph}
//   filter: {type: map, description: the edge filter (cypher/fragments/edge_allowed.cypher)}
//   limit: {type: integer, description: most new ids returned}
// returns: id
UNWIND $frontier AS id
MATCH (:Entity {id: id})-[r]-(n:Entity)
WHERE {{edge_allowed}}
  AND NOT n.id IN $known
WITH DISTINCT n.id AS id
ORDER BY id
LIMIT $limit
RETURN id

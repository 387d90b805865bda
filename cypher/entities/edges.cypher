// description: Every edge of an entity, in or out, that the filter allows, with its evidence (as in the JSON export).
// mode: read
// params:
//   id: {type: string, description: entity id}
//   limit: {type: integer, default: 500, description: most edges returned}
// returns: edge (map), other (map of the entity at the other end)
MATCH (e:Entity {id: $id})-[r]-(other:Entity)
WHERE {{edge_allowed}}
WITH r, other ORDER BY type(r), other.id, r.id
LIMIT $limit
RETURN {{edge_map}} AS edge, other {.id, .name, .kind} AS other

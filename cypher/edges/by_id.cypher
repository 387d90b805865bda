// description: One edge with its evidence and grades, given its id and ends (edges/ends).
// mode: read
// params:
//   id: {type: string, description: edge id}
//   subject: {type: string, description: entity id of the edge's start}
//   object: {type: string, description: entity id of the edge's end}
// returns: edge (map, as in the JSON export), source ({id, name, kind}), target ({id, name, kind})
MATCH (s:Entity {id: $subject})-[r {id: $id}]->(o:Entity {id: $object})
USING INDEX s:Entity(id)
USING INDEX o:Entity(id)
RETURN {{edge_map}} AS edge, s {.id, .name, .kind} AS source, o {.id, .name, .kind} AS target

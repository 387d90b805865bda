// description: One investigation, with its scene and notes (JSON text).
// mode: read
// params:
//   id: {type: string, description: investigation id}
// returns: investigation (map)
MATCH (i:Investigation {id: $id})
RETURN i {.*} AS investigation

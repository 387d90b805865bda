// description: One merge, in force or undone, with everything it recorded.
// mode: read
// params:
//   id: {type: string, description: merge id}
// returns: merge (map)
MATCH (m:Merge {id: $id})
RETURN m {.*} AS merge

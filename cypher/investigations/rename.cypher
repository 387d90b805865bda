// description: Give an investigation a new title, leaving its scene and notes as they are.
// mode: write
// params:
//   id: {type: string, description: investigation id}
//   title: {type: string, description: the new title}
// returns: investigation (map)
MATCH (i:Investigation {id: $id})
SET i.title = $title, i.modified = toString(datetime())
RETURN i {.*} AS investigation

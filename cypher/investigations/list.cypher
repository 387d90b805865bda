// description: The investigations, most recently saved first, without their scenes.
// mode: read
// params:
//   limit: {type: integer, description: most investigations to return}
// returns: investigation (map)
MATCH (i:Investigation)
RETURN i {.id, .title, .author, .created, .modified, .nodes, .note_count} AS investigation
ORDER BY i.modified DESC, i.id
LIMIT $limit

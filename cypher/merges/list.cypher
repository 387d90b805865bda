// description: The merges, newest first; only those in force, or the undone ones too.
// mode: read
// params:
//   active_only: {type: boolean, description: leave out the merges that were undone}
//   limit: {type: integer, description: most merges to return}
// returns: merge (map)
MATCH (m:Merge)
WHERE m.active OR NOT $active_only
RETURN m {.*} AS merge
ORDER BY m.at DESC, m.id
LIMIT $limit

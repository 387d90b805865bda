// description: >-
//   Record that a merge was undone (who, when, why, what moved back); it stays as history, no
//   longer in force.
// mode: write
// params:
//   id: {type: string, description: merge id}
//   undo: {type: map, description: "unmerged_by, unmerged_via, unmerge_reason, restored_* (lists of strings)"}
// returns: merge (map)
MATCH (m:Merge {id: $id})
SET m += $undo, m.active = false, m.unmerged_at = toString(datetime())
RETURN m {.*} AS merge

// description: >-
//   Record a merge, in force from now: who asked for it, when, why, and what moved (see
//   graph/services/merges.py for the fields). The loader follows it (merges/active).
// mode: write
// params:
//   merge: {type: map, description: "the record: id, into, source, reason, by, via, source_name, source_kind, ... (lists of strings)"}
// returns: merge (map)
CREATE (m:Merge)
SET m = $merge, m.active = true, m.at = toString(datetime())
RETURN m {.*} AS merge

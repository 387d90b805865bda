// description: >-
//   Grade a source (a publisher by name, or a speaker by entity id) and record the change in
//   the audit trail; nothing is written when the grade and reason are already those.
// mode: write
// params:
//   key: {type: string, description: "publisher:NAME-KEY or speaker:ENTITY-ID (graph/grading.py)"}
//   kind: {type: string, description: publisher or speaker}
//   source_name: {type: string, description: "the publisher's name or the speaker's entity id, as given"}
//   reliability: {type: string, description: A-F}
//   reason: {type: string, description: why}
//   by: {type: string, description: who}
//   via: {type: string, description: "how: the CLI, a sources file, or the API key's fingerprint"}
// returns: changed (boolean)
MERGE (s:Source {key: $key})
WITH s, s.reliability AS before, s.reason AS before_reason
CALL (s, before, before_reason) {
  WITH s WHERE before IS NULL OR before <> $reliability OR coalesce(before_reason, '') <> $reason
  SET s.kind = $kind, s.name = $source_name, s.reliability = $reliability, s.reason = $reason, s.by = $by,
      s.via = $via, s.at = toString(datetime())
  CREATE (:GradeChange {subject: 'source:' + $key, reliability: $reliability, reason: $reason, by: $by,
                        via: $via, at: s.at, action: 'set', previous: before})
  RETURN true AS changed
  UNION
  WITH s WHERE NOT (before IS NULL OR before <> $reliability OR coalesce(before_reason, '') <> $reason)
  RETURN false AS changed
}
RETURN changed

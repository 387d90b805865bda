// description: >-
//   Put an analyst's grade on an edge (either grade or both, with why, who and when), or take
//   it off (reliability and credibility both null), and record the change in the audit trail.
// mode: write
// params:
//   edge: {type: string, description: edge id}
//   reliability: {type: string, description: "A-F, or null to keep the computed one"}
//   credibility: {type: integer, description: "1-6, or null to keep the computed one"}
//   reason: {type: string, description: why}
//   by: {type: string, description: who}
//   via: {type: string, description: "how: the CLI, or the API key's fingerprint"}
//   clear: {type: boolean, description: remove the override instead of setting it}
// returns: at (the time recorded)
MERGE (g:GradeOverride {edge: $edge})
WITH g, datetime() AS now
CREATE (c:GradeChange {subject: 'edge:' + $edge, reliability: $reliability, credibility: $credibility,
                       reason: $reason, by: $by, via: $via, at: toString(now),
                       action: CASE WHEN $clear THEN 'cleared' ELSE 'set' END,
                       previous: CASE WHEN g.at IS NULL THEN null
                                      ELSE coalesce(g.reliability, '') + coalesce(toString(g.credibility), '') END})
SET g.reliability = $reliability, g.credibility = $credibility, g.reason = $reason, g.by = $by,
    g.via = $via, g.at = toString(now)
WITH g, c
CALL (g) {
  WITH g WHERE $clear
  DELETE g
}
RETURN c.at AS at

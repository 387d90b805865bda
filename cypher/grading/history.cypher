// description: The audit trail of one edge's or source's grades, oldest first.
// mode: read
// params:
//   subject: {type: string, description: "edge:EDGE-ID or source:SOURCE-KEY"}
// returns: change (map)
MATCH (c:GradeChange {subject: $subject})
RETURN c {.action, .reliability, .credibility, .reason, .by, .via, .at, .previous} AS change
ORDER BY c.at

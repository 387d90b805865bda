// description: The audit trail of grades is read by what it grades (an edge id or a source key).
// mode: write
CREATE INDEX grade_change_subject IF NOT EXISTS FOR (c:GradeChange) ON (c.subject)

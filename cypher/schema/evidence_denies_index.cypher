// description: "Evidence is found by the edge it denies (grading asks whether an edge is denied)."
// mode: write
CREATE INDEX evidence_denies IF NOT EXISTS FOR (v:Evidence) ON (v.denies)

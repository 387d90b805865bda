// description: Evidence is found by the edge it supports (paths, exports, edge refresh).
// mode: write
CREATE INDEX evidence_edge IF NOT EXISTS FOR (v:Evidence) ON (v.edge)

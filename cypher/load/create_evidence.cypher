// description: Record each relation of a document as evidence for its edge.
// mode: write
// params:
//   rows: {type: list, description: "the rows of loaders.rules.evidence_rows, placed by place_evidence"}
// returns: nothing
CYPHER replan=skip
UNWIND $rows AS row
CREATE (v:Evidence)
SET v = row

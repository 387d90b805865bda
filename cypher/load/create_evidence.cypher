// description: Record each relation of a document as evidence for its edge.
// mode: write
// params:
//   rows: {type: list, description: "{id, edge, document, relation, type, subject, object, quote, start, end, date, disputed_by, note, denies}"}
// returns: nothing
CYPHER replan=skip
UNWIND $rows AS row
CREATE (v:Evidence)
SET v = row

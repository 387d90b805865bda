// description: Record each relation of a document as evidence for its edge.
// mode: write
// params:
//   rows: {type: list, description: "{id, edge, document, relation, type, subject, object, quote, start, end, date, disputed_by, note}"}
// returns: nothing
UNWIND $rows AS row
CREATE (v:Evidence)
SET v = row

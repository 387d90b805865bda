// description: >-
//   Put evidence on other nodes and edges after a merge or an unmerge: its ends, who asserts and
//   who disputes it, its edge and the edge it denies. What it says (quote, names, origins) stays.
// mode: write
// params:
//   rows: {type: list, description: "{id, edge, subject, object, asserted_by, disputed_by, denies}"}
// returns: nothing
UNWIND $rows AS row
MATCH (v:Evidence {id: row.id})
SET v.edge = row.edge, v.subject = row.subject, v.object = row.object, v.asserted_by = row.asserted_by,
    v.disputed_by = row.disputed_by, v.denies = row.denies

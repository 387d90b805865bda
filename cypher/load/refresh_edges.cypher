// description: >-
//   Recompute each edge's summary of its evidence (documents, quotes, dates, who disputes it,
//   which claims it denies, weight) and delete edges no evidence supports any more.
// mode: write
// params:
//   edges: {type: list, description: "{id, subject, object}"}
// returns: deleted (number of edges removed)
CYPHER replan=skip
UNWIND $edges AS edge
MATCH (:Entity {id: edge.subject})-[r {id: edge.id}]->(:Entity {id: edge.object})
OPTIONAL MATCH (v:Evidence {edge: edge.id})
WITH r, v ORDER BY v.document, v.start
WITH r, collect(v) AS evidence
WITH r, evidence, [v IN evidence | v.date] AS dates
SET r.documents = reduce(acc = [], v IN evidence | CASE WHEN v.document IN acc THEN acc ELSE acc + v.document END),
    r.quotes = [v IN evidence | v.quote],
    r.disputed_by = reduce(acc = [], x IN reduce(all = [], v IN evidence | all + v.disputed_by) |
                           CASE WHEN x IN acc THEN acc ELSE acc + x END),
    r.denies = reduce(acc = [], v IN evidence | CASE WHEN v.denies IS NULL OR v.denies IN acc THEN acc ELSE acc + v.denies END),
    r.first_date = reduce(m = null, d IN dates | CASE WHEN m IS NULL OR d < m THEN d ELSE m END),
    r.last_date = reduce(m = null, d IN dates | CASE WHEN m IS NULL OR d > m THEN d ELSE m END),
    r.weight = size(evidence)
WITH r, evidence WHERE size(evidence) = 0
DELETE r
RETURN count(*) AS deleted

// description: >-
//   Recompute each edge's summary of its evidence (documents, quotes, dates, who disputes it,
//   which claims it denies, weight) and delete edges no evidence supports any more.
//   The hints make Neo4j find both ends by id and look for the edge from the end with fewer
//   relationships, whatever the statistics: planned on an empty graph (and kept, replan=skip) it
//   walks every outgoing relationship of the subject, 100,000 of a hub's at size L.
// mode: write
// params:
//   edges: {type: list, description: "{id, subject, object}"}
// returns: deleted (number of edges removed)
CYPHER replan=skip
UNWIND $edges AS edge
MATCH (s:Entity {id: edge.subject})-[r {id: edge.id}]->(o:Entity {id: edge.object})
USING INDEX s:Entity(id)
USING INDEX o:Entity(id)
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

// description: >-
//   Recompute each edge's summary of its evidence (documents, quotes, dates, who disputes it,
//   which claims it denies, weight; when it happened and when it was reported, by which
//   publishers) and delete edges no evidence supports any more. Its grades are set after, by
//   graph/grading.py. An event time with an open end (`before 2024-03-07`) leaves the edge's
//   event time open at that end.
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
WITH r, evidence,
     [v IN evidence | coalesce(v.event_start, v.event_end, v.published)] AS starts,
     [v IN evidence | coalesce(v.event_end, v.event_start, v.published)] AS ends,
     [v IN evidence WHERE v.event IS NOT NULL] AS timed
SET r.documents = reduce(acc = [], v IN evidence | CASE WHEN v.document IN acc THEN acc ELSE acc + v.document END),
    r.quotes = [v IN evidence | v.quote],
    r.disputed_by = reduce(acc = [], x IN reduce(all = [], v IN evidence | all + v.disputed_by) |
                           CASE WHEN x IN acc THEN acc ELSE acc + x END),
    r.denies = reduce(acc = [], v IN evidence | CASE WHEN v.denies IS NULL OR v.denies IN acc THEN acc ELSE acc + v.denies END),
    r.first_date = reduce(m = null, d IN starts | CASE WHEN m IS NULL OR d < m THEN d ELSE m END),
    r.last_date = reduce(m = null, d IN ends | CASE WHEN m IS NULL OR d > m THEN d ELSE m END),
    r.event_known = size(timed) > 0,
    r.event_start = CASE WHEN any(v IN timed WHERE v.event_start IS NULL) THEN null
                         ELSE reduce(m = null, v IN timed | CASE WHEN m IS NULL OR v.event_start < m THEN v.event_start ELSE m END) END,
    r.event_end = CASE WHEN any(v IN timed WHERE v.event_end IS NULL) THEN null
                       ELSE reduce(m = null, v IN timed | CASE WHEN m IS NULL OR v.event_end > m THEN v.event_end ELSE m END) END,
    r.first_reported = reduce(m = null, v IN evidence | CASE WHEN m IS NULL OR v.published < m THEN v.published ELSE m END),
    r.last_reported = reduce(m = null, v IN evidence | CASE WHEN m IS NULL OR v.published > m THEN v.published ELSE m END),
    r.publishers = reduce(acc = [], v IN evidence | CASE WHEN v.publisher IN acc THEN acc ELSE acc + v.publisher END),
    r.weight = size(evidence)
WITH r, evidence WHERE size(evidence) = 0
DELETE r
RETURN count(*) AS deleted

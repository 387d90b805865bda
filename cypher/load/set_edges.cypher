// description: >-
//   Write each edge's summary of its evidence (graph/summaries.py computes it) and delete the
//   edges no evidence supports any more. Its grades are set after, by graph/grading.py.
//   The hints make Neo4j find both ends by id and look for the edge from the end with fewer
//   relationships, whatever the statistics: planned on an empty graph (and kept, replan=skip) it
//   walks every outgoing relationship of the subject, 100,000 of a hub's at size L.
// mode: write
// params:
//   rows: {type: list, description: "{id, subject, object, summary (map of properties), remove}"}
// returns: deleted (number of edges removed)
CYPHER replan=skip
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})-[r {id: row.id}]->(o:Entity {id: row.object})
USING INDEX s:Entity(id)
USING INDEX o:Entity(id)
SET r += row.summary
WITH r, row WHERE row.remove
DELETE r
RETURN count(*) AS deleted

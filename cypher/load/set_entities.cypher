// description: >-
//   Write each entity's summary of its mentions (graph/summaries.py computes it: name, aliases,
//   keys and their searchable text, external ids, documents, the day it was first reported) and
//   delete the entities no document mentions any more.
// mode: write
// params:
//   rows: {type: list, description: "{id, summary (map of properties), remove}"}
// returns: deleted (number of entities removed)
CYPHER replan=skip
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e += row.summary
WITH e, row WHERE row.remove
DETACH DELETE e
RETURN count(*) AS deleted

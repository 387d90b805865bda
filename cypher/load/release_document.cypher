// description: >-
//   Take back everything a document contributed before it is written again: its evidence and
//   its mentions. Returns the edges and entities touched, which the loader then refreshes.
// mode: write
// params:
//   document: {type: string, description: document id}
// returns: edges (list of {id, subject, object, type}), entities (list of ids)
CYPHER replan=skip
OPTIONAL MATCH (v:Evidence {document: $document})
WITH collect(v) AS evidence
WITH evidence, [v IN evidence | {id: v.edge, subject: v.subject, object: v.object, type: v.type}] AS edges
FOREACH (v IN evidence | DELETE v)
WITH edges
OPTIONAL MATCH (:Document {id: $document})-[m:MENTIONS]->(e:Entity)
WITH edges, collect(m) AS mentions, collect(e.id) AS entities
FOREACH (m IN mentions | DELETE m)
RETURN edges, entities

// description: >-
//   The edges of one type between two entities. A merge regrades them when it takes an edge
//   away from between them: their grades depend on one another (grading/related_inputs), and a
//   deleted edge no longer leads to them.
// mode: read
// params:
//   pairs: {type: list, description: "{type, subject, object}"}
// returns: id, subject, object
UNWIND $pairs AS pair
MATCH (s:Entity {id: pair.subject})-[r]->(o:Entity {id: pair.object})
WHERE type(r) = pair.type
RETURN DISTINCT r.id AS id, s.id AS subject, o.id AS object

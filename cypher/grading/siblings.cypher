// description: >-
//   The edges whose grades depend on these edges: each edge itself and every other edge of the
//   same type between the same two entities (a claim's grade depends on whether the same
//   relation is reported as fact, and a denial's too). An edge that no longer exists still
//   leads to the others of its type when the row gives the type.
// mode: read
// params:
//   edges: {type: list, description: "{id, subject, object, type (optional)}"}
// returns: id, subject, object
UNWIND $edges AS edge
MATCH (s:Entity {id: edge.subject})-[r]->(o:Entity {id: edge.object})
USING INDEX s:Entity(id)
USING INDEX o:Entity(id)
WITH edge, s, o, collect(r) AS between
WITH s, o, between, coalesce(edge.type, head([r IN between WHERE r.id = edge.id | type(r)])) AS wanted
UNWIND [r IN between WHERE type(r) = wanted] AS related
RETURN DISTINCT related.id AS id, s.id AS subject, o.id AS object

// description: >-
//   What grading needs (graph/grading.py) of every edge whose grade depends on these edges: each
//   edge itself and every other edge of the same type between the same two entities (a claim's
//   grade depends on whether the same relation is reported as fact, and a denial's too; an edge
//   that no longer exists still leads to the others of its type when the row gives the type).
//   For each: its status and publishers, who asserts it, who denies it (denial evidence pointing
//   at it) or disputes it, which publishers report the same relation as fact, and an analyst's
//   override. The edges between two entities are found once, and serve both to find the related
//   edges and their reporters.
// mode: read
// params:
//   edges: {type: list, description: "{id, subject, object, type (optional)}"}
// returns: id, subject, object, status, publishers, asserted_by ({id, name} or null), deniers (names), disputers (names), reporters (publishers), override (map or null)
UNWIND $edges AS edge
MATCH (s:Entity {id: edge.subject})-[r]->(o:Entity {id: edge.object})
USING INDEX s:Entity(id)
USING INDEX o:Entity(id)
WITH edge, s, o, collect(r) AS between
WITH s, o, between, coalesce(edge.type, head([r IN between WHERE r.id = edge.id | type(r)])) AS wanted
UNWIND [r IN between WHERE type(r) = wanted] AS r
WITH s, o, r, head(collect(between)) AS between
OPTIONAL MATCH (claimant:Entity {id: r.asserted_by})
OPTIONAL MATCH (g:GradeOverride {edge: r.id})
RETURN r.id AS id, s.id AS subject, o.id AS object, r.status AS status, coalesce(r.publishers, []) AS publishers,
       CASE WHEN claimant IS NULL THEN null ELSE claimant {.id, .name} END AS asserted_by,
       COLLECT {
         MATCH (v:Evidence {denies: r.id})
         MATCH (denier:Entity {id: v.asserted_by})
         RETURN DISTINCT denier.name
       } AS deniers,
       COLLECT {
         UNWIND coalesce(r.disputed_by, []) AS party
         MATCH (disputer:Entity {id: party})
         RETURN DISTINCT disputer.name
       } AS disputers,
       CASE WHEN r.status = 'reported' THEN [] ELSE COLLECT {
         UNWIND [fact IN between WHERE type(fact) = type(r) AND fact.status = 'reported'] AS fact
         UNWIND fact.publishers AS publisher
         RETURN DISTINCT publisher
       } END AS reporters,
       CASE WHEN g IS NULL THEN null ELSE g {.reason, .by, .at, .reliability, .credibility} END AS override

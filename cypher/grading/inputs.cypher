// description: >-
//   What grading needs of each edge (graph/grading.py): its status and publishers, who asserts
//   it, who denies it (denial evidence pointing at it) or disputes it, which publishers report
//   the same relation as fact, and an analyst's override. Edges that no longer exist are skipped.
// mode: read
// params:
//   edges: {type: list, description: "{id, subject, object}"}
// returns: id, subject, object, status, publishers, asserted_by ({id, name} or null), deniers (names), disputers (names), reporters (publishers), override (map or null)
UNWIND $edges AS edge
MATCH (s:Entity {id: edge.subject})-[r {id: edge.id}]->(o:Entity {id: edge.object})
USING INDEX s:Entity(id)
USING INDEX o:Entity(id)
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
         MATCH (s)-[fact]->(o)
         WHERE type(fact) = type(r) AND fact.status = 'reported'
         UNWIND fact.publishers AS publisher
         RETURN DISTINCT publisher
       } END AS reporters,
       CASE WHEN g IS NULL THEN null ELSE g {.reason, .by, .at, .reliability, .credibility} END AS override

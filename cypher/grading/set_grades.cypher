// description: >-
//   Write the grades graph/grading.py gave a batch of edges: reliability A-F, credibility 1-6,
//   the grade they make (B2), its one-line explanation, the grade the rules give (which differs
//   when an analyst overrode it) and whether it was overridden.
// mode: write
// params:
//   rows: {type: list, description: "{id, subject, object, reliability, credibility, grade, reason, computed, overridden}"}
// returns: nothing
CYPHER replan=skip
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})-[r {id: row.id}]->(o:Entity {id: row.object})
USING INDEX s:Entity(id)
USING INDEX o:Entity(id)
SET r.reliability = row.reliability, r.credibility = row.credibility, r.grade = row.grade,
    r.grade_reason = row.reason, r.grade_computed = row.computed, r.grade_overridden = row.overridden

// title: Denials and what they deny
// description: Every denial, who made it, and the claim it rejects with who made that claim.
// mode: read
// params:
//   limit: {type: integer, default: 100, description: most rows}
// returns: denied_by, subject, relation, object, claimed_by, denial_quote
MATCH (s:Entity)-[d]->(o:Entity)
WHERE d.status = 'denied'
OPTIONAL MATCH (denier:Entity {id: d.asserted_by})
OPTIONAL MATCH (s)-[c]->(o) WHERE c.id IN d.denies
OPTIONAL MATCH (claimer:Entity {id: c.asserted_by})
RETURN denier.name AS denied_by, s.name AS subject, type(d) AS relation, o.name AS object,
       claimer.name AS claimed_by, d.quotes[0] AS denial_quote
ORDER BY denied_by, subject
LIMIT $limit

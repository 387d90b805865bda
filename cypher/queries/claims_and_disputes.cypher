// title: Every claim, who asserts it and who disputes it
// description: >-
//   Claimed edges (what a party asserts and the reporting does not vouch for), with the party
//   asserting each, the parties disputing it and the denials that point at it.
// mode: read
// params:
//   limit: {type: integer, default: 100, description: most rows}
// returns: subject, relation, object, asserted_by, disputed_by, denied_by, quote
MATCH (s:Entity)-[r]->(o:Entity)
WHERE r.status = 'claimed'
OPTIONAL MATCH (who:Entity {id: r.asserted_by})
WITH s, r, o, who
RETURN s.name AS subject, type(r) AS relation, o.name AS object, who.name AS asserted_by,
       COLLECT { UNWIND r.disputed_by AS d MATCH (e:Entity {id: d}) RETURN e.name } AS disputed_by,
       COLLECT { MATCH (:Entity)-[x]->(:Entity) WHERE r.id IN x.denies
                 MATCH (e:Entity {id: x.asserted_by}) RETURN e.name } AS denied_by,
       r.quotes[0] AS quote
ORDER BY asserted_by, relation, subject
LIMIT $limit

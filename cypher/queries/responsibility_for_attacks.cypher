// title: Who carried out, claimed, assisted or prepared each attack
// description: >-
//   For every event, the parties said to have carried it out, claimed it, assisted or prepared
//   it, kept apart by status: reported, claimed (with who claims it) or denied.
// mode: read
// params:
//   limit: {type: integer, default: 100, description: most rows}
// returns: event, party, relation, status, asserted_by, quote
MATCH (p:Entity)-[r:CARRIED_OUT|CLAIMED_RESPONSIBILITY|ASSISTED|PREPARED]->(e:Event)
OPTIONAL MATCH (who:Entity {id: r.asserted_by})
RETURN e.name AS event, p.name AS party, type(r) AS relation, r.status AS status,
       who.name AS asserted_by, r.quotes[0] AS quote
ORDER BY event, status DESC, party
LIMIT $limit

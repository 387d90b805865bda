// title: Arrests, torture and killings
// description: Who arrested, tortured or killed whom, with status and quote.
// mode: read
// params:
//   limit: {type: integer, default: 100, description: most rows}
// returns: perpetrator, relation, victim, status, asserted_by, date, quote
MATCH (a:Entity)-[r:ARRESTED|TORTURED|KILLED]->(b:Entity)
RETURN a.name AS perpetrator, type(r) AS relation, b.name AS victim, r.status AS status,
       r.asserted_by AS asserted_by, r.first_date AS date, r.quotes[0] AS quote
ORDER BY date, relation
LIMIT $limit

// title: Warnings given, and what they named
// description: Every warning (WARNED, WARNED_OF), public or private, with its date and quote.
// mode: read
// params:
//   limit: {type: integer, default: 100, description: most rows}
// returns: warner, relation, warned, status, asserted_by, date, quote
MATCH (a:Entity)-[r:WARNED|WARNED_OF]->(b:Entity)
RETURN a.name AS warner, type(r) AS relation, b.name AS warned, r.status AS status,
       r.asserted_by AS asserted_by, r.first_date AS date, r.quotes[0] AS quote
ORDER BY date, warner
LIMIT $limit

// title: '"Extremist" and terrorist listings'
// description: Who listed or banned whom as extremist or terrorist, with the quote.
// mode: read
// params:
//   limit: {type: integer, default: 100, description: most rows}
// returns: designator, designated, kind, status, quote
MATCH (a:Entity)-[r:DESIGNATED_EXTREMIST]->(b:Entity)
RETURN a.name AS designator, b.name AS designated, b.kind AS kind, r.status AS status, r.quotes[0] AS quote
ORDER BY designator, designated
LIMIT $limit

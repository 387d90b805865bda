// title: Warnings given, and what they named
// description: >-
//   Every warning (WARNED, WARNED_OF), public or private, with when it happened (event_time, or
//   undated), when it was first reported, and its quote.
// mode: read
// params:
//   limit: {type: integer, default: 100, description: most rows}
// returns: warner, relation, warned, status, asserted_by, event_time, report_time, quote
MATCH (a:Entity)-[r:WARNED|WARNED_OF]->(b:Entity)
RETURN a.name AS warner, type(r) AS relation, b.name AS warned, r.status AS status,
       r.asserted_by AS asserted_by,
       coalesce(reduce(s = null, x IN COLLECT { MATCH (v:Evidence {edge: r.id}) WHERE v.event IS NOT NULL
                                     RETURN DISTINCT v.event AS event ORDER BY event } |
                CASE WHEN s IS NULL THEN x ELSE s + ', ' + x END), 'undated') AS event_time,
       r.first_reported AS report_time,
       r.quotes[0] AS quote
ORDER BY r.first_date, warner
LIMIT $limit

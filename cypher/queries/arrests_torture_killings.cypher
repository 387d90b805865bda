// title: Arrests, torture and killings
// description: Who arrested, tortured or killed whom, with status and quote.
// mode: read
// params:
//   limit: {type: integer, default: 100, description: most rows}
// returns: perpetrator, relation, victim, status, asserted_by, event_time, report_time, quote
MATCH (a:Entity)-[r:ARRESTED|TORTURED|KILLED]->(b:Entity)
RETURN a.name AS perpetrator, type(r) AS relation, b.name AS victim, r.status AS status,
       r.asserted_by AS asserted_by,
       coalesce(reduce(s = null, x IN COLLECT { MATCH (v:Evidence {edge: r.id}) WHERE v.event IS NOT NULL
                                     RETURN DISTINCT v.event AS event ORDER BY event } |
                CASE WHEN s IS NULL THEN x ELSE s + ', ' + x END), 'undated') AS event_time,
       r.first_reported AS report_time,
       r.quotes[0] AS quote
ORDER BY r.first_date, relation
LIMIT $limit

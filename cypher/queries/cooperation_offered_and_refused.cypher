// title: Co-operation offered, shared and refused
// description: >-
//   Every offer of intelligence or security co-operation, every exchange of intelligence and
//   every refusal, in both directions, with status and quote.
// mode: read
// params:
//   limit: {type: integer, default: 100, description: most rows}
// returns: from, relation, to, status, asserted_by, quote, event_time, report_time
MATCH (a:Entity)-[r:OFFERED_COOPERATION|SHARED_INTELLIGENCE|REJECTED_COOPERATION|COOPERATED_WITH]->(b:Entity)
RETURN a.name AS from, type(r) AS relation, b.name AS to, r.status AS status, r.asserted_by AS asserted_by,
       r.quotes[0] AS quote,
       coalesce(reduce(s = null, x IN COLLECT { MATCH (v:Evidence {edge: r.id}) WHERE v.event IS NOT NULL
                                     RETURN DISTINCT v.event AS event ORDER BY event } |
                CASE WHEN s IS NULL THEN x ELSE s + ', ' + x END), 'undated') AS event_time,
       r.first_reported AS report_time
ORDER BY r.first_date, from, relation
LIMIT $limit

// title: Who accused whom
// description: >-
//   Every accusation (ACCUSED) with who made it, whom it targets, the quote it rests on and
//   its document; optionally only those made by one entity.
// mode: read
// params:
//   accuser: {type: entity, default: null, description: "the accuser (id, external id, name or alias); null for all"}
//   limit: {type: integer, default: 100, description: most rows}
// returns: accuser, accused, status, asserted_by, quote, document, event_time, report_time
MATCH (a:Entity)-[r:ACCUSED]->(b:Entity)
WHERE $accuser IS NULL OR a.id = $accuser
MATCH (v:Evidence {edge: r.id})
RETURN a.name AS accuser, b.name AS accused, r.status AS status, r.asserted_by AS asserted_by,
       v.quote AS quote, v.document AS document, coalesce(v.event, 'undated') AS event_time,
       v.published AS report_time
ORDER BY v.date, accuser, accused
LIMIT $limit

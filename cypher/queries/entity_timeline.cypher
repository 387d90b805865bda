// title: An entity's timeline
// description: >-
//   Every edge of one entity in time order, with the other party, status and quote. event_time is
//   when it happened, as precise as the documents say (2024-03 is a month), or 'undated';
//   report_time is the first day a document reported it. The two are never one column.
// mode: read
// params:
//   entity: {type: entity, description: "the entity: id, external id (Q…), name or alias, e.g. russia"}
//   limit: {type: integer, default: 200, description: most rows}
// returns: event_time, report_time, direction, relation, other, status, quote
MATCH (e:Entity {id: $entity})-[r]-(other:Entity)
RETURN coalesce(reduce(s = null, x IN COLLECT { MATCH (v:Evidence {edge: r.id}) WHERE v.event IS NOT NULL
                                     RETURN DISTINCT v.event AS event ORDER BY event } |
                CASE WHEN s IS NULL THEN x ELSE s + ', ' + x END), 'undated') AS event_time,
       r.first_reported AS report_time,
       CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
       type(r) AS relation, other.name AS other, r.status AS status, r.quotes[0] AS quote
ORDER BY r.first_date, relation, other
LIMIT $limit

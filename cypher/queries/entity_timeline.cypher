// title: An entity's timeline
// description: Every edge of one entity in date order, with the other party, status and quote.
// mode: read
// params:
//   entity: {type: entity, description: "the entity: id, external id (Q…), name or alias, e.g. russia"}
//   limit: {type: integer, default: 200, description: most rows}
// returns: date, direction, relation, other, status, quote
MATCH (e:Entity {id: $entity})-[r]-(other:Entity)
RETURN r.first_date AS date, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
       type(r) AS relation, other.name AS other, r.status AS status, r.quotes[0] AS quote
ORDER BY date, relation, other
LIMIT $limit

// description: Every edge of an entity, in or out, with its evidence (as in the JSON export).
// mode: read
// params:
//   id: {type: string, description: entity id}
//   limit: {type: integer, default: 500, description: most edges returned}
// returns: edge (map), other (map of the entity at the other end)
MATCH (e:Entity {id: $id})-[r]-(other:Entity)
WITH r, other ORDER BY type(r), other.id, r.id
LIMIT $limit
RETURN {
  id: r.id, source: startNode(r).id, target: endNode(r).id, type: type(r), status: r.status,
  asserted_by: r.asserted_by, disputed_by: coalesce(r.disputed_by, []), denies: coalesce(r.denies, []),
  first_date: r.first_date, last_date: r.last_date, weight: r.weight,
  evidence: COLLECT {
    MATCH (v:Evidence {edge: r.id})
    WITH v ORDER BY v.document, v.start
    RETURN v {.document, .relation, .quote, .start, .end, .date}
  }
} AS edge, other {.id, .name, .kind} AS other

// description: The edges among the listed entities that the filter allows, with their evidence.
// mode: read
// params:
//   ids: {type: list, description: entity ids}
//   types: {type: list, description: relation types allowed}
//   statuses: {type: list, description: statuses allowed}
//   document: {type: string, description: only edges this document supports; null for any}
//   since: {type: string, description: only edges dated on or after this ISO date; null for any}
//   until: {type: string, description: only edges dated on or before this ISO date; null for any}
// returns: edge (map)
UNWIND $ids AS id
MATCH (s:Entity {id: id})-[r]->(o:Entity)
WHERE o.id IN $ids AND type(r) IN $types AND r.status IN $statuses
  AND ($document IS NULL OR $document IN r.documents)
  AND ($since IS NULL OR r.last_date >= $since) AND ($until IS NULL OR r.first_date <= $until)
WITH s, r, o ORDER BY r.id
RETURN {
  id: r.id, source: s.id, target: o.id, type: type(r), status: r.status,
  asserted_by: r.asserted_by, disputed_by: coalesce(r.disputed_by, []), denies: coalesce(r.denies, []),
  first_date: r.first_date, last_date: r.last_date, weight: r.weight,
  evidence: COLLECT {
    MATCH (v:Evidence {edge: r.id})
    WITH v ORDER BY v.document, v.start
    RETURN v {.document, .relation, .quote, .start, .end, .date}
  }
} AS edge

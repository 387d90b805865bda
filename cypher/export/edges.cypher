// description: >-
//   Every edge between entities (or between the listed ones), with its evidence in document
//   order. Evidence is looked up by the edge id index, one edge at a time, so the result streams.
// mode: read
// params:
//   ids: {type: list, default: null, description: "entity ids whose edges to keep; null for all"}
// returns: edge (map)
MATCH (s:Entity)-[r]->(o:Entity)
WHERE $ids IS NULL OR (s.id IN $ids AND o.id IN $ids)
WITH s, r, o ORDER BY r.id
RETURN {
  id: r.id, source: s.id, target: o.id, type: type(r), status: r.status,
  asserted_by: r.asserted_by, disputed_by: coalesce(r.disputed_by, []), denies: r.denies,
  first_date: r.first_date, last_date: r.last_date, weight: r.weight,
  evidence: COLLECT {
    MATCH (v:Evidence {edge: r.id})
    WITH v ORDER BY v.document, v.start
    RETURN v {.document, .relation, .quote, .start, .end, .date}
  }
} AS edge

// description: >-
//   An edge `r` as the API and the exports show it: its ends, status, dates, grades and
//   evidence (the quotes, in document order). With $filter.as_of, only the evidence of documents
//   published by then, and the weight and publishers those documents give (the grades stay
//   today's: docs/provenance.md); with $filter.publishers, likewise only those publishers'
//   evidence. Statements include it as {{edge_map}}.
// mode: fragment
// params:
//   filter: {type: map, description: "the edge filter (only as_of and publishers are read here)"}
{
  id: r.id, source: startNode(r).id, target: endNode(r).id, type: type(r), status: r.status,
  asserted_by: r.asserted_by, disputed_by: coalesce(r.disputed_by, []), denies: coalesce(r.denies, []),
  first_date: r.first_date, last_date: r.last_date,
  weight: CASE WHEN $filter.as_of IS NULL AND $filter.publishers IS NULL THEN r.weight
               ELSE COUNT { MATCH (v:Evidence {edge: r.id})
                            WHERE ($filter.as_of IS NULL OR v.published <= $filter.as_of)
                              AND ($filter.publishers IS NULL OR v.publisher IN $filter.publishers) } END,
  event_start: r.event_start, event_end: r.event_end, event_known: coalesce(r.event_known, false),
  first_reported: r.first_reported, last_reported: r.last_reported,
  publishers: CASE WHEN $filter.as_of IS NULL AND $filter.publishers IS NULL THEN coalesce(r.publishers, [])
  ELSE COLLECT {
    MATCH (v:Evidence {edge: r.id})
    WHERE ($filter.as_of IS NULL OR v.published <= $filter.as_of)
      AND ($filter.publishers IS NULL OR v.publisher IN $filter.publishers)
    WITH v ORDER BY v.document, v.start
    RETURN DISTINCT v.publisher
  } END,
  reliability: coalesce(r.reliability, 'F'), credibility: coalesce(r.credibility, 6),
  grade: coalesce(r.grade, 'F6'), grade_reason: r.grade_reason,
  evidence: COLLECT {
    MATCH (v:Evidence {edge: r.id})
    WHERE ($filter.as_of IS NULL OR v.published <= $filter.as_of)
      AND ($filter.publishers IS NULL OR v.publisher IN $filter.publishers)
    WITH v ORDER BY v.document, v.start
    RETURN v {.document, .relation, .quote, .start, .end, .date, .event, .publisher, .published,
              .subject_name, .object_name}
  }
}

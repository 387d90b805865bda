// description: >-
//   The edge filter (graph/filters.py) as one predicate on an edge `r`. Statements
//   include it as {{edge_allowed}}. Missing grades count as the worst (F6), so an edge never
//   graded is kept by default and dropped by any minimum grade. `open` is true when the filter
//   keeps every edge of the ontology's types: the rest is then never evaluated, which spares
//   reading five properties of every edge (the L projection reads in 1.0 s instead of 2.4 s,
//   docs/performance.md). The type is always checked: it keeps MENTIONS, between a document
//   and an entity, out of a path search that does not name the labels of its nodes.
//   `publishers` keeps edges with evidence from one of them: the edge's own list answers, unless
//   `as_of` is set too, when that evidence must also be published by then (as edge_map shows it).
// mode: fragment
// params:
//   filter: {type: map, description: "the edge filter: {open, types, statuses, publishers, document, since, until, as_of, during, during_start, during_end, reliability, credibility}"}
type(r) IN $filter.types AND ($filter.open OR r.status IN $filter.statuses
AND ($filter.document IS NULL OR $filter.document IN r.documents)
AND ($filter.publishers IS NULL
     OR ($filter.as_of IS NULL AND any(p IN coalesce(r.publishers, []) WHERE p IN $filter.publishers))
     OR ($filter.as_of IS NOT NULL AND EXISTS { MATCH (v:Evidence {edge: r.id})
         WHERE v.publisher IN $filter.publishers AND v.published <= $filter.as_of }))
AND ($filter.since IS NULL OR r.last_date >= $filter.since)
AND ($filter.until IS NULL OR r.first_date <= $filter.until)
AND ($filter.as_of IS NULL OR r.first_reported <= $filter.as_of)
AND (NOT $filter.during OR (r.event_known
     AND ($filter.during_start IS NULL OR coalesce(r.event_end >= $filter.during_start, true))
     AND ($filter.during_end IS NULL OR coalesce(r.event_start <= $filter.during_end, true))))
AND coalesce(r.reliability, 'F') <= $filter.reliability AND coalesce(r.credibility, 6) <= $filter.credibility)

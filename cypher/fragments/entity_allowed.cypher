// description: >-
//   The entities the edge filter (graph/filters.py) keeps, as one predicate on an entity `e`:
//   with as_of, those first reported by then; with publishers, those that a document of one of
//   them mentions (published by as_of, when both are set). The graph as known on a day, or as
//   some publishers tell it, has no other entities. Statements include it as {{entity_allowed}}.
// mode: fragment
// params:
//   filter: {type: map, description: "the edge filter; only as_of and publishers are read here"}
($filter.as_of IS NULL OR e.first_reported <= $filter.as_of)
AND ($filter.publishers IS NULL OR EXISTS { MATCH (d:Document)-[:MENTIONS]->(e)
     WHERE d.publisher IN $filter.publishers AND ($filter.as_of IS NULL OR d.published <= date($filter.as_of)) })

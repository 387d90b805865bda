// description: >-
//   Every edge between entities that the filter allows, with its evidence in document order, in
//   id order a page at a time (Store.stream_pages): the next $page_size edges after $after.
//   Evidence is looked up by the edge id index, one edge at a time, so the result streams. One
//   ORDER BY over every edge held each sorted row, and what the row gathered since, until the last
//   was read: at L (817,408 edges) that outgrew a 2 GiB heap half-way; ORDER BY with LIMIT keeps
//   only the page (docs/performance.md).
// mode: read
// params:
//   filter: {type: map, description: the edge filter (cypher/fragments/edge_allowed.cypher)}
//   after: {type: string, default: null, description: "the id of the last edge read; null for the first page"}
//   page_size: {type: integer, description: most edges returned}
// returns: edge (map)
MATCH (s:Entity)-[r]->(o:Entity)
WHERE {{edge_allowed}} AND ($after IS NULL OR r.id > $after)
WITH s, r, o ORDER BY r.id LIMIT $page_size
RETURN {{edge_map}} AS edge

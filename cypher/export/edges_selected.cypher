// description: >-
//   The edges among the listed entities that the filter allows, with their evidence, in id order
//   a page at a time (Store.stream_pages, as export/edges): the next $page_size edges after $after.
// mode: read
// params:
//   ids: {type: list, description: entity ids}
//   filter: {type: map, description: the edge filter (cypher/fragments/edge_allowed.cypher)}
//   after: {type: string, default: null, description: "the id of the last edge read; null for the first page"}
//   page_size: {type: integer, description: most edges returned}
// returns: edge (map)
UNWIND $ids AS id
MATCH (s:Entity {id: id})-[r]->(o:Entity)
WHERE o.id IN $ids AND {{edge_allowed}} AND ($after IS NULL OR r.id > $after)
WITH s, r, o ORDER BY r.id LIMIT $page_size
RETURN {{edge_map}} AS edge

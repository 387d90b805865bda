// description: Every entity (with as_of, those reported by then), in export order.
// mode: read
// params:
//   filter: {type: map, description: "the edge filter; only as_of is read: entities first reported by then"}
// returns: node (map)
MATCH (e:Entity)
WITH e WHERE $filter.as_of IS NULL OR e.first_reported <= $filter.as_of
RETURN e {.id, .name, .kind, .aliases, .external_ids, .documents, .first_reported} AS node
ORDER BY node.id

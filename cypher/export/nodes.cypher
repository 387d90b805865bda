// description: Every entity, in export order.
// mode: read
// returns: node (map)
MATCH (e:Entity)
RETURN e {.id, .name, .kind, .aliases, .external_ids, .documents} AS node
ORDER BY node.id

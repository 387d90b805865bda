// description: Every entity, or those whose ids are listed, in export order.
// mode: read
// params:
//   ids: {type: list, default: null, description: "entity ids to keep; null for the whole graph"}
// returns: node (map)
MATCH (e:Entity)
WHERE $ids IS NULL OR e.id IN $ids
RETURN e {.id, .name, .kind, .aliases, .external_ids, .documents} AS node
ORDER BY node.id

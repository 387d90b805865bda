// description: The listed entities, in export order.
// mode: read
// params:
//   ids: {type: list, description: entity ids}
// returns: node (map)
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e {.id, .name, .kind, .aliases, .external_ids, .documents} AS node
ORDER BY node.id

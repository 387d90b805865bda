// description: >-
//   Which of the given ids the graph already uses, and for what: a new entity of a draft must
//   not take the id of another node by accident.
// mode: read
// params:
//   ids: {type: list, description: entity ids}
// returns: entity (map of id, name, kind, aliases, external_ids)
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e {.id, .name, .kind, aliases: coalesce(e.aliases, []), external_ids: coalesce(e.external_ids, [])} AS entity

// description: >-
//   The entities a merge names, with what it checks (that they exist, and their kinds) and what
//   it records of them (their names).
// mode: read
// params:
//   ids: {type: list, description: entity ids}
// returns: id, name, kind, aliases
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.name AS name, e.kind AS kind, coalesce(e.aliases, []) AS aliases

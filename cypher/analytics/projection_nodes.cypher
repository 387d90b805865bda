// description: >-
//   The nodes of the analytics projection: every entity (or those of the listed kinds), one
//   compact row each, ordered by id so that the projection (and a seeded sample of it) is the
//   same on every read of the same graph.
// mode: read
// params:
//   kinds: {type: list, default: null, description: "node kinds to keep; null for every entity"}
// returns: id, name, kind
MATCH (e:Entity)
WHERE $kinds IS NULL OR e.kind IN $kinds
RETURN e.id AS id, e.name AS name, e.kind AS kind
ORDER BY id

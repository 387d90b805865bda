// title: The people around an entity
// description: >-
//   People up to two hops from an entity (a service, a government, a group), with the
//   relations that link them, nearest first.
// mode: read
// params:
//   entity: {type: entity, description: "the entity: id, external id (Q…), name or alias, e.g. FSB"}
//   limit: {type: integer, default: 50, description: most rows}
// returns: person, hops, via
MATCH (center:Entity {id: $entity})
MATCH p = (center)-[*1..2]-(person:Person)
WHERE all(n IN nodes(p) WHERE n:Entity)
WITH person, min(length(p)) AS hops,
     collect(DISTINCT [r IN relationships(p) | type(r)])[0] AS via
RETURN person.name AS person, hops, via
ORDER BY hops, person
LIMIT $limit

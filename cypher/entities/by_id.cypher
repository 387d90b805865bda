// description: One entity by id, with its summary fields.
// mode: read
// params:
//   id: {type: string, description: entity id}
// returns: id, name, kind, aliases, external_ids, documents, degree
MATCH (e:Entity {id: $id})
RETURN e.id AS id, e.name AS name, e.kind AS kind, coalesce(e.aliases, []) AS aliases,
       coalesce(e.external_ids, []) AS external_ids, coalesce(e.documents, []) AS documents,
       COUNT { (e)-[r]-(:Entity) } AS degree

// description: >-
//   The summary each entity node holds (graph/summaries.py joins it with the mentions of the
//   documents being loaded, when these only add to it), or null for a node those documents have
//   just created and that holds none yet.
// mode: read
// params:
//   ids: {type: list, description: entity ids}
// returns: id, name, kind, summary ({name, aliases, keys, external_ids, documents, first_reported} or null)
CYPHER replan=skip
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN id, e.name AS name, e.kind AS kind,
       CASE WHEN e.documents IS NULL THEN null ELSE
         {name: e.name, aliases: coalesce(e.aliases, []), keys: coalesce(e.keys, []),
          external_ids: coalesce(e.external_ids, []), documents: e.documents,
          first_reported: e.first_reported} END AS summary

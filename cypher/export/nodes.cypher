// description: "Every entity the filter keeps (fragments/entity_allowed: as_of, publishers), in export order."
// mode: read
// params:
//   filter: {type: map, description: "the edge filter; as_of and publishers are read (fragments/entity_allowed)"}
// returns: node (map)
MATCH (e:Entity)
WITH e WHERE {{entity_allowed}}
RETURN e {.id, .name, .kind, aliases: coalesce(e.aliases, []), external_ids: coalesce(e.external_ids, []),
          documents: coalesce(e.documents, []), .first_reported} AS node
ORDER BY node.id

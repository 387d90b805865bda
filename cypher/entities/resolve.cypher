// description: >-
//   Look references up in one round trip, by every rule of graph/references.py: the entity with
//   the reference as its id (as given or lower-cased), those with it as an external id, those one
//   of whose names or aliases is exactly its key, and those whose names or aliases contain its
//   words (so that an alias can be told apart from another entity's name).
// mode: read
// params:
//   refs: {type: list, description: "maps of graph.references.lookup_terms: {ref, id, external, term, key}"}
// returns: ref, key, by_id, by_external_id, by_key, containing (lists of {id, name, kind, aliases})
UNWIND $refs AS item
OPTIONAL MATCH (same:Entity) WHERE same.id IN [item.ref, item.id]
WITH item, collect(same {.id, .name, .kind, aliases: coalesce(same.aliases, [])}) AS by_id
RETURN item.ref AS ref, item.key AS key, by_id,
       CASE WHEN by_id <> [] OR item.external IS NULL THEN [] ELSE COLLECT {
         CALL db.index.fulltext.queryNodes('entity_external_ids', item.external) YIELD node
         RETURN node {.id, .name, .kind, aliases: coalesce(node.aliases, [])} AS match ORDER BY match.id LIMIT 50
       } END AS by_external_id,
       CASE WHEN by_id <> [] OR item.term IS NULL THEN [] ELSE COLLECT {
         CALL db.index.fulltext.queryNodes('entity_keys', item.term) YIELD node
         RETURN node {.id, .name, .kind, aliases: coalesce(node.aliases, [])} AS match ORDER BY match.id LIMIT 50
       } END AS by_key,
       CASE WHEN by_id <> [] OR item.term IS NULL THEN [] ELSE COLLECT {
         CALL db.index.fulltext.queryNodes('entity_search', item.term, {limit: 50}) YIELD node
         RETURN node {.id, .name, .kind, aliases: coalesce(node.aliases, [])} AS match ORDER BY match.id LIMIT 50
       } END AS containing

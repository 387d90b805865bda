// description: >-
//   Resolve references (an id, a name or an alias) to entities in one round trip: the entity
//   with that id if there is one, else every entity one of whose names is exactly the key.
// mode: read
// params:
//   refs: {type: list, description: "{ref, term}: term is the reference's key as a quoted Lucene term, or null"}
// returns: ref, matches (list of {id, name, kind}), by_id (whether the match is by id)
UNWIND $refs AS item
OPTIONAL MATCH (same:Entity {id: item.ref})
RETURN item.ref AS ref, same IS NOT NULL AS by_id,
       CASE WHEN same IS NOT NULL THEN [same {.id, .name, .kind}]
            WHEN item.term IS NULL THEN []
            ELSE COLLECT {
              CALL db.index.fulltext.queryNodes('entity_keys', item.term) YIELD node
              RETURN node {.id, .name, .kind} AS match ORDER BY match.id LIMIT 50
            }
       END AS matches

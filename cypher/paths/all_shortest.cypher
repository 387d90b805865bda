// description: >-
//   Every shortest path between two entities over the edges the filter allows, as distinct
//   sequences of entities (parallel edges between the same two entities would otherwise
//   multiply the paths), at most $limit of them.
// mode: read
// params:
//   from: {type: string, description: entity id}
//   to: {type: string, description: entity id}
//   max_hops: {type: integer, description: longest path allowed (at most 10)}
//   directed: {type: boolean, description: follow edges only from subject to object}
//   filter: {type: map, description: the edge filter (cypher/fragments/edge_allowed.cypher)}
//   limit: {type: integer, description: most paths returned}
// returns: nodes (list of {id, name, kind}), edges (list of edge maps with evidence)
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = ALL SHORTEST (a)((x:Entity)-[r]-(y:Entity)
    WHERE {{edge_allowed}}
      AND (NOT $directed OR startNode(r) = x)){1,10}(b)
WHERE length(p) <= $max_hops
WITH [n IN nodes(p) | n.id] AS route, p ORDER BY [r IN relationships(p) | r.id]
WITH route, head(collect(p)) AS p
ORDER BY route
LIMIT $limit
RETURN [n IN nodes(p) | n {.id, .name, .kind}] AS nodes,
       [r IN relationships(p) | {{edge_map}}] AS edges

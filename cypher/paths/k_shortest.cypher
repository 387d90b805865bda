// description: >-
//   The k shortest paths between two entities over the edges the filter allows, in order of
//   length: Cypher's SHORTEST 20 (the most k may ask for) with no entity visited twice, then
//   the first $k distinct sequences of entities (parallel edges would otherwise repeat a route).
// mode: read
// params:
//   from: {type: string, description: entity id}
//   to: {type: string, description: entity id}
//   max_hops: {type: integer, description: longest path allowed (at most 10)}
//   directed: {type: boolean, description: follow edges only from subject to object}
//   filter: {type: map, description: the edge filter (cypher/fragments/edge_allowed.cypher)}
//   k: {type: integer, description: how many paths (at most 20)}
// returns: nodes (list of {id, name, kind}), edges (list of edge maps with evidence)
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH SHORTEST 20 (p = (a)((x:Entity)-[r]-(y:Entity)
    WHERE {{edge_allowed}}
      AND (NOT $directed OR startNode(r) = x)){1,10}(b)
    WHERE all(i IN range(0, length(p) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[i + 1..]))
WITH p WHERE length(p) <= $max_hops
WITH [n IN nodes(p) | n.id] AS route, p ORDER BY length(p), [r IN relationships(p) | r.id]
WITH route, head(collect(p)) AS p
ORDER BY length(p), route
LIMIT $k
RETURN [n IN nodes(p) | n {.id, .name, .kind}] AS nodes,
       [r IN relationships(p) | {{edge_map}}] AS edges

// description: >-
//   One shortest path between two entities over the edges the filter allows (graph/services/
//   filters.py), found by Neo4j's bidirectional shortest-path search (shortestPath, which
//   grows the search from both ends and evaluates the filter on each edge as it goes: through
//   a state or service with thousands of edges it reads a few hundred times fewer records than
//   `SHORTEST 1`, which expands every edge of the hub). `directed: false` walks edges either
//   way ("how are these two connected"); the direction of the pattern cannot be a parameter,
//   so each case has its own branch and $directed picks one.
// mode: read
// params:
//   from: {type: string, description: entity id}
//   to: {type: string, description: entity id}
//   max_hops: {type: integer, description: longest path allowed (at most 10)}
//   directed: {type: boolean, description: follow edges only from subject to object}
//   filter: {type: map, description: the edge filter (cypher/fragments/edge_allowed.cypher)}
// returns: nodes (list of {id, name, kind}), edges (list of edge maps with evidence)
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
CALL (a, b) {
  WITH a, b WHERE NOT $directed
  MATCH p = shortestPath((a)-[rs*1..10]-(b))
  WHERE all(r IN rs WHERE {{edge_allowed}})
  RETURN p
  UNION
  WITH a, b WHERE $directed
  MATCH p = shortestPath((a)-[rs*1..10]->(b))
  WHERE all(r IN rs WHERE {{edge_allowed}})
  RETURN p
}
WITH p WHERE length(p) <= $max_hops
RETURN [n IN nodes(p) | n {.id, .name, .kind}] AS nodes,
       [r IN relationships(p) | {{edge_map}}] AS edges

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
//   from: {type: string, description: "entity id (any other reference finds no entity: from_entity is null)"}
//   to: {type: string, description: "entity id (to_entity is null when it is not one)"}
//   max_hops: {type: integer, description: longest path allowed (at most 10)}
//   directed: {type: boolean, description: follow edges only from subject to object}
//   filter: {type: map, description: the edge filter (cypher/fragments/edge_allowed.cypher)}
// returns: >-
//   from_entity, to_entity ({id, name, kind}, or null for a reference that is not an id),
//   nodes (list of {id, name, kind}) and edges (list of edge maps with evidence): a row per path, or
//   one row with null nodes and edges when there is none
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
// Both ends are looked up by id here, so that the usual call (ids: the page sends them once a
// suggestion is picked) is one round trip; from_entity or to_entity is null when its reference
// is not an id, and the caller then resolves names (entities/resolve) and runs this again.
OPTIONAL CALL (a, b) {
  WITH a, b WHERE a <> b
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
}
RETURN a {.id, .name, .kind} AS from_entity, b {.id, .name, .kind} AS to_entity, nodes, edges

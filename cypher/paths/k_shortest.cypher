// description: >-
//   The k shortest paths between two entities over the edges the filter allows, in order of
//   length: Cypher's SHORTEST 20 (the most k may ask for) with no entity visited twice, then
//   the first $k distinct sequences of entities (parallel edges would otherwise repeat a route).
// mode: read
// params:
//   from: {type: string, description: "entity id (any other reference finds no entity: from_entity is null)"}
//   to: {type: string, description: "entity id (to_entity is null when it is not one)"}
//   max_hops: {type: integer, description: longest path allowed (at most 10)}
//   directed: {type: boolean, description: follow edges only from subject to object}
//   filter: {type: map, description: the edge filter (cypher/fragments/edge_allowed.cypher)}
//   k: {type: integer, description: how many paths (at most 20)}
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
}
RETURN a {.id, .name, .kind} AS from_entity, b {.id, .name, .kind} AS to_entity, nodes, edges

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
//   types: {type: list, description: relation types allowed}
//   statuses: {type: list, description: statuses allowed}
//   document: {type: string, description: only edges this document supports; null for any}
//   since: {type: string, description: only edges dated on or after this ISO date; null for any}
//   until: {type: string, description: only edges dated on or before this ISO date; null for any}
// returns: nodes (list of {id, name, kind}), edges (list of edge maps with evidence)
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
CALL (a, b) {
  WITH a, b WHERE NOT $directed
  MATCH p = shortestPath((a)-[rs*1..10]-(b))
  WHERE all(r IN rs WHERE type(r) IN $types AND r.status IN $statuses
      AND ($document IS NULL OR $document IN r.documents)
      AND ($since IS NULL OR r.last_date >= $since) AND ($until IS NULL OR r.first_date <= $until))
  RETURN p
  UNION
  WITH a, b WHERE $directed
  MATCH p = shortestPath((a)-[rs*1..10]->(b))
  WHERE all(r IN rs WHERE type(r) IN $types AND r.status IN $statuses
      AND ($document IS NULL OR $document IN r.documents)
      AND ($since IS NULL OR r.last_date >= $since) AND ($until IS NULL OR r.first_date <= $until))
  RETURN p
}
WITH p WHERE length(p) <= $max_hops
RETURN [n IN nodes(p) | n {.id, .name, .kind}] AS nodes,
       [r IN relationships(p) | {
         id: r.id, source: startNode(r).id, target: endNode(r).id, type: type(r), status: r.status,
         asserted_by: r.asserted_by, disputed_by: coalesce(r.disputed_by, []), denies: coalesce(r.denies, []),
         first_date: r.first_date, last_date: r.last_date, weight: r.weight,
         evidence: COLLECT {
           MATCH (v:Evidence {edge: r.id})
           WITH v ORDER BY v.document, v.start
           RETURN v {.document, .relation, .quote, .start, .end, .date}
         }
       }] AS edges

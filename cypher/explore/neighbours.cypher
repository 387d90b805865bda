// description: >-
//   The neighbours of one entity over the edges the filter allows, in one direction or both, the
//   most relevant first: those joined to it by the most edges, then those with the most edges in
//   the whole graph, then by id. Only the first $limit are returned, with the total, so that the
//   page can say how many it leaves off screen around a hub (graph/services/explore.py).
// mode: read
// params:
//   id: {type: string, description: the entity to expand}
//   direction: {type: string, description: "out (it is the subject), in (it is the object) or both"}
//   filter: {type: map, description: the edge filter (cypher/fragments/edge_allowed.cypher)}
//   limit: {type: integer, description: most neighbours returned}
// returns: total (integer), neighbours (list of {id, name, kind, edges, degree})
MATCH (c:Entity {id: $id})
OPTIONAL MATCH (c)-[r]-(n:Entity)
WHERE n <> c AND {{edge_allowed}}
  AND ($direction = 'both' OR ($direction = 'out') = (startNode(r) = c))
WITH c, n, count(r) AS edges
WITH c, n, edges, CASE WHEN n IS NULL THEN 0 ELSE COUNT { (n)--(:Entity) } END AS degree
ORDER BY edges DESC, degree DESC, n.id
WITH c, [x IN collect(CASE WHEN n IS NULL THEN null
                        ELSE {id: n.id, name: n.name, kind: n.kind, edges: edges, degree: degree} END)
      WHERE x IS NOT NULL] AS found
RETURN size(found) AS total, found[0..$limit] AS neighbours

// description: >-
//   The ends of an edge, found from its evidence by the edge's id (evidence is indexed by edge;
//   relationships are not indexed by id), so the edge itself can then be reached by index seeks.
// mode: read
// params:
//   id: {type: string, description: edge id}
// returns: subject, object (entity ids; no row when no edge has this id)
MATCH (v:Evidence {edge: $id})
RETURN v.subject AS subject, v.object AS object
LIMIT 1

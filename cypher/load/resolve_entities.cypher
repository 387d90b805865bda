// description: >-
//   For each entity of a facts file, the node with the same id (and its kind), the nodes that
//   have one of its external ids (any kind: the loader refuses a kind that differs), and the nodes
//   of the same kind that one of its names or aliases already names. loaders.rules.resolve decides
//   from this which node each entity becomes (the bulk load asks loaders.rules.EntityIndex the same).
// mode: read
// params:
//   rows: {type: list, description: "loaders.rules.resolution_rows, {id, kind, keys, terms, external_terms}: the entity's name keys, and quoted Lucene terms of its keys and of its \"registry:id\" external ids; the loader adds {document}, the row's document in its transaction, returned as it is"}
// returns: id, document, existing_kind, by_external_id (list of {id, name, kind}), by_name (list of {id, name, origins}); both lists empty when the id exists
CYPHER replan=skip
UNWIND $rows AS row
OPTIONAL MATCH (same:Entity {id: row.id})
CALL (row, same) {
  // An entity whose id is in the graph already is that node (loaders.rules.resolve): the names
  // and external ids are not looked up then, which spares a hub's every mention per document.
  WITH row WHERE same IS NULL
  UNWIND row.terms AS term
  CALL db.index.fulltext.queryNodes('entity_keys', term) YIELD node
  WITH DISTINCT node WHERE node.kind = row.kind
  // The origins of the mentions that gave the node these names: after a merge, a name of the
  // entity merged away still leads back to it (graph/services/merges.py).
  RETURN collect({id: node.id, name: node.name, origins: COLLECT {
    MATCH (:Document)-[m:MENTIONS]->(node)
    WHERE any(key IN m.keys WHERE key IN row.keys)
    RETURN DISTINCT m.origin
  }}) AS by_name
}
CALL (row, same) {
  WITH row WHERE same IS NULL
  UNWIND row.external_terms AS term
  CALL db.index.fulltext.queryNodes('entity_external_ids', term) YIELD node
  WITH DISTINCT node
  RETURN collect({id: node.id, name: node.name, kind: node.kind}) AS by_external_id
}
RETURN row.id AS id, row.document AS document, same.kind AS existing_kind, by_external_id, by_name

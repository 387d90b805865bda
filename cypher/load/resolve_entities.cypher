// description: >-
//   For each entity of a facts file, the node with the same id (and its kind), and the nodes of
//   the same kind that one of its names or aliases already names. The loader decides from this
//   which node each entity becomes.
// mode: read
// params:
//   rows: {type: list, description: "{id, kind, terms}: terms are quoted Lucene terms of the entity's keys"}
// returns: id, existing_kind, by_name (list of {id, name})
CYPHER replan=skip
UNWIND $rows AS row
OPTIONAL MATCH (same:Entity {id: row.id})
CALL (row) {
  UNWIND row.terms AS term
  CALL db.index.fulltext.queryNodes('entity_keys', term) YIELD node
  WITH DISTINCT node WHERE node.kind = row.kind
  RETURN collect({id: node.id, name: node.name}) AS by_name
}
RETURN row.id AS id, same.kind AS existing_kind, by_name

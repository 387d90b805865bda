// description: >-
//   Not used by the product: the per-row baseline bench/run.py measures the loaders against.
//   One relation, in a transaction of its own: merge its subject, its object and the edge, and
//   append the quote and document to the edge.
// mode: write
// type_slot: RELATION_TYPE
// params:
//   subject: {type: map, description: "{id, name, kind}"}
//   object: {type: map, description: "{id, name, kind}"}
//   edge: {type: map, description: "{id, status, asserted_by, quote, document}"}
// returns: nothing
MERGE (s:Entity {id: $subject.id})
  ON CREATE SET s.name = $subject.name, s.kind = $subject.kind
MERGE (o:Entity {id: $object.id})
  ON CREATE SET o.name = $object.name, o.kind = $object.kind
MERGE (s)-[r:`RELATION_TYPE` {id: $edge.id}]->(o)
  ON CREATE SET r.status = $edge.status, r.asserted_by = $edge.asserted_by, r.quotes = [], r.documents = []
SET r.quotes = r.quotes + $edge.quote, r.documents = r.documents + $edge.document

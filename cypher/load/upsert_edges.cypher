// description: >-
//   Merge a batch of edges of one relation type between entities, on their stable edge ids.
//   Status and asserted_by are part of what identifies an edge, so they are set once.
//   The type is written into the text by graph.cypher.Statement.for_relation_type, which takes
//   only ontology names: Neo4j 5.26.0 stores the wrong type when it is given as a value,
//   `MERGE (s)-[:$($type)]->(o)` (see tests/loaders/test_facts_loader.py).
// mode: write
// type_slot: RELATION_TYPE
// params:
//   rows: {type: list, description: "{id, subject, object, status, asserted_by}"}
// returns: nothing
CYPHER replan=skip
UNWIND $rows AS row
MATCH (s:Entity {id: row.subject})
MATCH (o:Entity {id: row.object})
MERGE (s)-[r:`RELATION_TYPE` {id: row.id}]->(o)
  ON CREATE SET r.status = row.status, r.asserted_by = row.asserted_by

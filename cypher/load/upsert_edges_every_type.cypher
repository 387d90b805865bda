// description: >-
//   Merge a document's edges of every relation type in one statement, on their stable edge ids:
//   the body is repeated once per relation type of the ontology by
//   graph.cypher.Statement.for_relation_types (each copy takes the rows of its type), so that a
//   document's edges cost one round trip and one plan instead of one per type (see
//   upsert_edges.cypher for why the type is in the text). Status and asserted_by are part of
//   what identifies an edge, so they are set once.
// mode: write
// type_slot: RELATION_TYPE
// params:
//   rows: {type: map, description: "relation type -> its rows {id, subject, object, status, asserted_by}"}
// returns: nothing
CYPHER replan=skip
CALL () {
  UNWIND coalesce($rows.`RELATION_TYPE`, []) AS row
  MATCH (s:Entity {id: row.subject})
  MATCH (o:Entity {id: row.object})
  MERGE (s)-[r:`RELATION_TYPE` {id: row.id}]->(o)
    ON CREATE SET r.status = row.status, r.asserted_by = row.asserted_by
}

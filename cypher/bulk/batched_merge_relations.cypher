// description: >-
//   Not used by the product: the floor of the everyday load that bench/run.py measures. The
//   baseline's work (bulk/naive_merge_relation: merge each relation's subject, object and edge,
//   and append its quote and document) for many relations in one statement, the body repeated
//   for every relation type as the loader's own edges statement is (upsert_edges_every_type):
//   Neo4j's batched writes at their fastest.
// mode: write
// type_slot: RELATION_TYPE
// params:
//   rows: {type: map, description: "relation type -> its rows {subject: {id, name, kind}, object: {id, name, kind}, edge: {id, status, asserted_by, quote, document}}"}
// returns: nothing
CYPHER replan=skip
CALL () {
  UNWIND coalesce($rows.`RELATION_TYPE`, []) AS row
  MERGE (s:Entity {id: row.subject.id})
    ON CREATE SET s.name = row.subject.name, s.kind = row.subject.kind
  MERGE (o:Entity {id: row.object.id})
    ON CREATE SET o.name = row.object.name, o.kind = row.object.kind
  MERGE (s)-[r:`RELATION_TYPE` {id: row.edge.id}]->(o)
    ON CREATE SET r.status = row.edge.status, r.asserted_by = row.edge.asserted_by, r.quotes = [], r.documents = []
  SET r.quotes = r.quotes + row.edge.quote, r.documents = r.documents + row.edge.document
}

// description: >-
//   Merge a batch of entities on their stable ids, label them with their kind, and record what
//   the row's document says of each (its name, aliases and keys) on a MENTIONS edge. A mention
//   keeps its origin, the entity the document's entity is without merges, so that an unmerge can
//   give it back (graph/services/merges.py). Rows of several documents are taken in order: an
//   entity is created with the name and kind of its first row.
// mode: write
// params:
//   rows: {type: list, description: "{document, id, origin, name, kind, aliases, keys, external_ids}"}
// returns: nothing
CYPHER replan=skip
UNWIND $rows AS row
MATCH (d:Document {id: row.document})
MERGE (e:Entity {id: row.id})
  ON CREATE SET e.name = row.name, e.kind = row.kind
SET e:$(row.kind)
MERGE (d)-[m:MENTIONS {origin: row.origin}]->(e)
SET m.kind = row.kind, m.name = row.name, m.aliases = row.aliases, m.keys = row.keys, m.external_ids = row.external_ids

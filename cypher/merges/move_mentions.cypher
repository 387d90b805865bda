// description: >-
//   Move mentions to another entity, keeping everything they record (origin, kind, name,
//   aliases, keys, external ids): the new MENTIONS is a copy and the old one is deleted.
// mode: write
// params:
//   rows: {type: list, description: "{document, origin, from, to}: the mention of origin in document, from entity id, to entity id"}
// returns: moved (number of mentions moved)
UNWIND $rows AS row
MATCH (d:Document {id: row.document})-[m:MENTIONS {origin: row.origin}]->(:Entity {id: row.from})
MATCH (target:Entity {id: row.to})
MERGE (d)-[moved:MENTIONS {origin: row.origin}]->(target)
SET moved = properties(m)
DELETE m
RETURN count(moved) AS moved

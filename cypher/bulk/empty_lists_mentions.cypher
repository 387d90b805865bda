// description: >-
//   After a bulk import, give MENTIONS the empty lists of aliases and external ids the transactional loader stores
//   (neo4j-admin import cannot write an empty array: it leaves the property out). At most
//   $batch mentions per call, each call its own transaction: loaders/bulk/importer.py calls again until
//   fewer are fixed.
// mode: write
// params:
//   batch: {type: integer, description: most mentions fixed by this call}
// returns: fixed (how many)
MATCH (:Document)-[m:MENTIONS]->(:Entity)
WHERE m.aliases IS NULL OR m.external_ids IS NULL
WITH m LIMIT $batch
SET m.aliases = coalesce(m.aliases, []), m.external_ids = coalesce(m.external_ids, [])
RETURN count(*) AS fixed

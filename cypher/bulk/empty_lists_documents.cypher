// description: >-
//   After a bulk import, give documents without authors the empty list the transactional loader stores
//   (neo4j-admin import cannot write an empty array: it leaves the property out). At most
//   $batch documents per call, each call its own transaction: loaders/bulk/importer.py calls again until
//   fewer are fixed.
// mode: write
// params:
//   batch: {type: integer, description: most documents fixed by this call}
// returns: fixed (how many)
MATCH (d:Document)
WHERE d.authors IS NULL
WITH d LIMIT $batch
SET d.authors = []
RETURN count(*) AS fixed

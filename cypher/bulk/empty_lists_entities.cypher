// description: >-
//   After a bulk import, give entities the empty lists of aliases and external ids the transactional loader stores
//   (neo4j-admin import cannot write an empty array: it leaves the property out). At most
//   $batch entities per call, each call its own transaction: loaders/bulk/importer.py calls again until
//   fewer are fixed.
// mode: write
// params:
//   batch: {type: integer, description: most entities fixed by this call}
// returns: fixed (how many)
MATCH (e:Entity)
WHERE e.aliases IS NULL OR e.external_ids IS NULL
WITH e LIMIT $batch
SET e.aliases = coalesce(e.aliases, []), e.external_ids = coalesce(e.external_ids, [])
RETURN count(*) AS fixed

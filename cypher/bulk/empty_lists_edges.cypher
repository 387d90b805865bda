// description: >-
//   After a bulk import, give edges the empty lists of disputed_by and denies the transactional loader stores
//   (neo4j-admin import cannot write an empty array: it leaves the property out). At most
//   $batch edges per call, each call its own transaction: loaders/bulk/importer.py calls again until
//   fewer are fixed.
// mode: write
// params:
//   batch: {type: integer, description: most edges fixed by this call}
// returns: fixed (how many)
MATCH (:Entity)-[r]->(:Entity)
WHERE r.disputed_by IS NULL OR r.denies IS NULL
WITH r LIMIT $batch
SET r.disputed_by = coalesce(r.disputed_by, []), r.denies = coalesce(r.denies, [])
RETURN count(*) AS fixed

// description: >-
//   After a bulk import, give evidence without disputes the empty disputed_by and disputed_by_origin lists the transactional loader stores
//   (neo4j-admin import cannot write an empty array: it leaves the property out). At most
//   $batch pieces of evidence per call, each call its own transaction: loaders/bulk/importer.py calls again until
//   fewer are fixed.
// mode: write
// params:
//   batch: {type: integer, description: most pieces of evidence fixed by this call}
// returns: fixed (how many)
MATCH (v:Evidence)
WHERE v.disputed_by IS NULL OR v.disputed_by_origin IS NULL
WITH v LIMIT $batch
SET v.disputed_by = coalesce(v.disputed_by, []), v.disputed_by_origin = coalesce(v.disputed_by_origin, [])
RETURN count(*) AS fixed

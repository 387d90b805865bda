// description: >-
//   Every merge in force: the entity merged away and the entity it was merged into
//   (graph/services/merges.py). The loader follows them, so a document that names a merged
//   entity attaches to the entity it was merged into.
// mode: read
// returns: source (entity id merged away), into (entity id), source_kind (its kind)
MATCH (m:Merge)
WHERE m.active
RETURN m.source AS source, m.into AS into, m.source_kind AS source_kind
ORDER BY m.at

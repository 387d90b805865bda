// description: >-
//   Count $count more changes to the graph (a load counts one per document it writes); caches
//   keyed by the version drop their entries.
// mode: write
// params:
//   count: {type: integer, default: 1, description: how many changes}
// returns: version
CYPHER replan=skip
MERGE (m:GraphMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + $count, m.updated_at = datetime()
RETURN m.version AS version

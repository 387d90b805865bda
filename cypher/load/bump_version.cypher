// description: Count one more change to the graph; caches keyed by the version drop their entries.
// mode: write
// returns: version
CYPHER replan=skip
MERGE (m:GraphMeta {key: 'graph'})
SET m.version = coalesce(m.version, 0) + 1, m.updated_at = datetime()
RETURN m.version AS version

// description: >-
//   The graph's version (0 before the first load) and when it last changed. Caches of analytics
//   key on both: a reset graph starts counting again from 0, but never at the same instant.
// mode: read
// returns: version, changed_at (epoch milliseconds of the last change; null before the first load)
OPTIONAL MATCH (m:GraphMeta {key: 'graph'})
RETURN coalesce(m.version, 0) AS version, m.updated_at.epochMillis AS changed_at

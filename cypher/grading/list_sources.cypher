// description: Every graded source, publishers first, with its grade and who set it when.
// mode: read
// returns: source (map)
MATCH (s:Source)
RETURN s {.key, .kind, .name, .reliability, .reason, .by, .via, .at} AS source
ORDER BY s.kind, s.key

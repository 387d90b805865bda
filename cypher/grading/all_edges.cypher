// description: Every edge's id and ends, streamed, for regrading the whole graph after a source's grade changes.
// mode: read
// returns: id, subject, object
MATCH (s:Entity)-[r]->(o:Entity)
WHERE r.id IS NOT NULL
RETURN r.id AS id, s.id AS subject, o.id AS object

// description: >-
//   Every publisher of a loaded document, as the facts files spell it, with how many documents
//   each has: the names the edge filter's `publishers` takes.
// mode: read
// returns: publisher, documents
MATCH (d:Document)
WHERE d.publisher IS NOT NULL
RETURN d.publisher AS publisher, count(d) AS documents
ORDER BY publisher

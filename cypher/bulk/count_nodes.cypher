// description: >-
//   How many nodes the database holds (from Neo4j's count store, at once): a bulk load only
//   fills an empty database.
// mode: read
// returns: nodes
MATCH (n)
RETURN count(n) AS nodes

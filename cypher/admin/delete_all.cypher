// description: Delete every node and relationship, in batches (intelgraph db reset, and tests).
// mode: write
// returns: nothing
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS

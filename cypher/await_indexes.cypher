// description: Wait until every index is online (after the schema statements create them).
// mode: read
// returns: nothing
CALL db.awaitIndexes(110)

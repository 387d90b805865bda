// description: >-
//   The stored fingerprint of each document's facts file, to skip an unchanged reload (and to
//   know which documents are reloads); a document not in the graph has no row.
// mode: read
// params:
//   documents: {type: list, description: document ids}
// returns: id, facts_sha256
CYPHER replan=skip
UNWIND $documents AS id
MATCH (d:Document {id: id})
RETURN id, d.facts_sha256 AS facts_sha256

// description: The stored fingerprint of a document's facts file, to skip an unchanged reload.
// mode: read
// params:
//   document: {type: string, description: document id}
// returns: facts_sha256 (none when the document is new)
CYPHER replan=skip
MATCH (d:Document {id: $document})
RETURN d.facts_sha256 AS facts_sha256

// description: >-
//   Documents whose text has the sha256 of a document being drafted, reviewed or validated, under
//   another id: the same text loaded twice would count its facts twice, as two sources.
// mode: read
// params:
//   documents: {type: list, description: "{id, sha256}: the documents being checked"}
//   limit: {type: integer, default: 100, description: most rows returned}
// returns: of (the id checked), id, sha256
UNWIND $documents AS doc
MATCH (d:Document {sha256: doc.sha256})
WHERE d.id <> doc.id
RETURN doc.id AS of, d.id AS id, d.sha256 AS sha256
ORDER BY of, id
LIMIT $limit

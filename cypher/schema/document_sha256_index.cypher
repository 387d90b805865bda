// description: A document is found by its text's sha256, to flag the same text drafted under another id.
// mode: write
CREATE INDEX document_sha256 IF NOT EXISTS FOR (d:Document) ON (d.sha256)

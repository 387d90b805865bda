// description: Evidence is found by its document when the document is reloaded.
// mode: write
CREATE INDEX evidence_document IF NOT EXISTS FOR (v:Evidence) ON (v.document)

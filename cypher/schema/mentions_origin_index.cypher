// description: >-
//   Mentions are found by their origin, the entity a document's entity is without merges: a
//   merge or an unmerge finds with it every mention and document it has to place again
//   (graph/services/merges.py).
// mode: write
CREATE INDEX mentions_origin IF NOT EXISTS FOR ()-[m:MENTIONS]-() ON (m.origin)

// title: Everything one document says
// description: Every relation a document supports, in the order of its text, with quote and span.
// mode: read
// params:
//   document: {type: string, description: document id, e.g. ft-2024-crocus-intelligence}
//   limit: {type: integer, default: 500, description: most rows}
// returns: start, subject, relation, object, status, asserted_by, quote
MATCH (v:Evidence {document: $document})
MATCH (s:Entity {id: v.subject}), (o:Entity {id: v.object})
RETURN v.start AS start, s.name AS subject, v.type AS relation, o.name AS object,
       v.relation AS relation_id, v.quote AS quote
ORDER BY start
LIMIT $limit

// description: >-
//   One document with its text and every piece of evidence it gives, each with the span of its
//   quote and the edge it supports: what the workbench's document view shows.
// mode: read
// params:
//   id: {type: string, description: document id}
// returns: document (map with text), evidence (list of maps ordered by start; empty when the document has none)
MATCH (d:Document {id: $id})
OPTIONAL MATCH (v:Evidence {document: $id})
WITH d, v ORDER BY v.start, v.end
RETURN d {.id, .title, .publisher, .url, .text, published: toString(d.published)} AS document,
       [e IN collect(v) | e {.id, .relation, .edge, .type, .status, .quote, .start, .end, .subject, .object,
                              .subject_name, .object_name, .event}] AS evidence

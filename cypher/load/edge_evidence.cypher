// description: >-
//   What graph/summaries.py needs of each edge's evidence to summarise it, leaving out the
//   evidence of $documents (the loader holds those documents' own; an empty list reads every piece).
// mode: read
// params:
//   edges: {type: list, description: edge ids}
//   documents: {type: list, default: [], description: "the documents whose evidence the caller holds"}
// returns: edge, evidence (list of {id, document, start, quote, disputed_by, denies, published, publisher, event, event_start, event_end})
CYPHER replan=skip
UNWIND $edges AS edge
MATCH (v:Evidence {edge: edge})
WHERE NOT v.document IN $documents
RETURN edge, collect(v {.id, .document, .start, .quote, disputed_by: coalesce(v.disputed_by, []), .denies, .published,
                        .publisher, .event, .event_start, .event_end}) AS evidence

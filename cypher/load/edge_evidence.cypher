// description: >-
//   What graph/summaries.py needs of each edge's evidence to summarise it, leaving out the
//   evidence of $document (the loader holds that document's own; null reads every piece).
// mode: read
// params:
//   edges: {type: list, description: edge ids}
//   document: {type: string, description: "the document whose evidence the caller holds, or null"}
// returns: edge, evidence (list of {id, document, start, quote, disputed_by, denies, published, publisher, event, event_start, event_end})
CYPHER replan=skip
UNWIND $edges AS edge
MATCH (v:Evidence {edge: edge})
WHERE $document IS NULL OR v.document <> $document
RETURN edge, collect(v {.id, .document, .start, .quote, disputed_by: coalesce(v.disputed_by, []), .denies, .published,
                        .publisher, .event, .event_start, .event_end}) AS evidence

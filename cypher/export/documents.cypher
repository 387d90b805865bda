// description: Every document, with its text.
// mode: read
// params:
//   filter: {type: map, description: "the edge filter; only as_of is read: documents published by then"}
// returns: document (map)
MATCH (d:Document)
WITH d WHERE $filter.as_of IS NULL OR d.published <= date($filter.as_of)
RETURN d {.id, .title, .publisher, published: toString(d.published), .language, .url, .authors,
          .text_file, .sha256, .text} AS document
ORDER BY document.id

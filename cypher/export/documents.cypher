// description: Every document, with its text.
// mode: read
// params:
//   filter: {type: map, description: "the edge filter; as_of and publishers are read: their documents published by then"}
// returns: document (map)
MATCH (d:Document)
WITH d WHERE ($filter.as_of IS NULL OR d.published <= date($filter.as_of))
  AND ($filter.publishers IS NULL OR d.publisher IN $filter.publishers)
RETURN d {.id, .title, .publisher, published: toString(d.published), .language, .url,
          authors: coalesce(d.authors, []), .text_file, .sha256, .text} AS document
ORDER BY document.id

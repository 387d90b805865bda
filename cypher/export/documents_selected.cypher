// description: The documents that mention any of the listed entities, with their text.
// mode: read
// params:
//   ids: {type: list, description: entity ids}
//   filter: {type: map, description: "the edge filter; as_of and publishers are read: their documents published by then"}
// returns: document (map)
UNWIND $ids AS id
MATCH (d:Document)-[:MENTIONS]->(:Entity {id: id})
WITH DISTINCT d
WITH d WHERE ($filter.as_of IS NULL OR d.published <= date($filter.as_of))
  AND ($filter.publishers IS NULL OR d.publisher IN $filter.publishers)
RETURN d {.id, .title, .publisher, published: toString(d.published), .language, .url,
          authors: coalesce(d.authors, []), .text_file, .sha256, .text} AS document
ORDER BY document.id

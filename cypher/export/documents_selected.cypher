// description: The documents that mention any of the listed entities, with their text.
// mode: read
// params:
//   ids: {type: list, description: entity ids}
// returns: document (map)
UNWIND $ids AS id
MATCH (d:Document)-[:MENTIONS]->(:Entity {id: id})
WITH DISTINCT d
RETURN d {.id, .title, .publisher, published: toString(d.published), .language, .url, .authors,
          .text_file, .sha256, .text} AS document
ORDER BY document.id

// description: Every document (or those the listed entities are mentioned in), with its text.
// mode: read
// params:
//   ids: {type: list, default: null, description: "entity ids; null for every document"}
// returns: document (map)
MATCH (d:Document)
WHERE $ids IS NULL OR EXISTS { (d)-[:MENTIONS]->(e:Entity) WHERE e.id IN $ids }
RETURN d {.id, .title, .publisher, published: toString(d.published), .language, .url, .authors,
          .text_file, .sha256, .text} AS document
ORDER BY document.id

// description: Every document, with its text.
// mode: read
// returns: document (map)
MATCH (d:Document)
RETURN d {.id, .title, .publisher, published: toString(d.published), .language, .url, .authors,
          .text_file, .sha256, .text} AS document
ORDER BY document.id

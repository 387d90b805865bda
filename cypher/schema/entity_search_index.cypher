// description: >-
//   Full-text search over names and aliases, word by word, accents folded. It indexes
//   `search_text` (every key joined by " | "), not `keys`: Neo4j treats two full-text indexes
//   on the same label and property as the same index, whatever their analyzers.
// mode: write
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (e:Entity) ON EACH [e.search_text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false}}

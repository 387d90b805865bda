// description: >-
//   Exact look-up of external ids ("wikidata:Q159"): an entity of a facts file with the same
//   external id as a node resolves to that node (cypher/load/resolve_entities.cypher). The keyword
//   analyzer keeps each "registry:id" one term.
// mode: write
CREATE FULLTEXT INDEX entity_external_ids IF NOT EXISTS FOR (e:Entity) ON EACH [e.external_ids]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false}}

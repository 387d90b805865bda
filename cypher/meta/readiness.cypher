// description: "What /ready reports: the graph version and the main counts (from the count store)."
// mode: read
// returns: version, entities, documents, evidence
OPTIONAL MATCH (m:GraphMeta {key: 'graph'})
RETURN coalesce(m.version, 0) AS version,
       COUNT { MATCH (e:Entity) } AS entities,
       COUNT { MATCH (d:Document) } AS documents,
       COUNT { MATCH (v:Evidence) } AS evidence

// description: >-
//   What graph/summaries.py needs of each entity and its MENTIONS to summarise it, leaving out
//   the mentions of $documents (the loader holds those documents' own; an empty list reads every one).
// mode: read
// params:
//   ids: {type: list, description: entity ids}
//   documents: {type: list, default: [], description: "the documents whose mentions the caller holds"}
// returns: id, name, kind, mentions (list of {document, origin, published, name, aliases, keys, external_ids})
CYPHER replan=skip
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN id, e.name AS name, e.kind AS kind, COLLECT {
  MATCH (d:Document)-[m:MENTIONS]->(e)
  WHERE NOT d.id IN $documents
  RETURN {document: d.id, origin: m.origin, published: toString(d.published), name: m.name,
          aliases: coalesce(m.aliases, []), keys: m.keys, external_ids: coalesce(m.external_ids, [])}
} AS mentions

// description: >-
//   Recompute each entity's aliases, keys (and their searchable text), external ids, documents
//   and the day it was first reported from the MENTIONS that remain, and delete entities no
//   document mentions any more.
// mode: write
// params:
//   ids: {type: list, description: entity ids to refresh}
// returns: deleted (number of entities removed)
CYPHER replan=skip
UNWIND $ids AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (d:Document)-[m:MENTIONS]->(e)
WITH e, m, d ORDER BY d.id
WITH e, collect(m) AS ms, collect(DISTINCT d.id) AS documents, min(d.published) AS first_published
WITH e, ms, documents, first_published,
     CASE WHEN size(ms) = 0 OR any(m IN ms WHERE m.name = e.name) THEN e.name ELSE ms[0].name END AS name
WITH e, ms, documents, first_published, name,
     reduce(acc = [], n IN reduce(all = [], m IN ms | all + m.name + m.aliases) |
            CASE WHEN n IN acc OR n = name THEN acc ELSE acc + n END) AS aliases,
     reduce(acc = [], k IN reduce(all = [], m IN ms | all + m.keys) |
            CASE WHEN k IN acc THEN acc ELSE acc + k END) AS keys,
     reduce(acc = [], x IN reduce(all = [], m IN ms | all + m.external_ids) |
            CASE WHEN x IN acc THEN acc ELSE acc + x END) AS external_ids
SET e.name = name, e.aliases = aliases, e.keys = keys, e.external_ids = external_ids, e.documents = documents,
    e.first_reported = toString(first_published),
    e.search_text = reduce(text = '', k IN keys | CASE WHEN text = '' THEN k ELSE text + ' | ' + k END)
WITH e, ms WHERE size(ms) = 0
DETACH DELETE e
RETURN count(*) AS deleted

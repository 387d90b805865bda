// description: >-
//   Every mention whose origin is one of these entity ids, and the entity it is on now: a merge
//   or an unmerge moves those whose origin now stands for another node, and places the
//   evidence of their documents again (index mentions_origin).
// mode: read
// params:
//   origins: {type: list, description: "entity ids: origins whose node the merge changes"}
// returns: document, origin, node (the entity id the mention is on)
MATCH (d:Document)-[m:MENTIONS]->(e:Entity)
WHERE m.origin IN $origins
RETURN d.id AS document, m.origin AS origin, e.id AS node
ORDER BY document, origin

// description: Counts of entities by kind, edges by relation type and status, documents and evidence.
// mode: read
// returns: section, name, count
CALL () {
  MATCH (e:Entity) RETURN 'kind' AS section, e.kind AS name, count(*) AS count
  UNION ALL
  MATCH (:Entity)-[r]->(:Entity) RETURN 'relation' AS section, type(r) AS name, count(*) AS count
  UNION ALL
  MATCH (:Entity)-[r]->(:Entity) RETURN 'status' AS section, r.status AS name, count(*) AS count
  UNION ALL
  RETURN 'total' AS section, 'documents' AS name, COUNT { MATCH (d:Document) } AS count
  UNION ALL
  RETURN 'total' AS section, 'evidence' AS name, COUNT { MATCH (v:Evidence) } AS count
  UNION ALL
  RETURN 'total' AS section, 'entities' AS name, COUNT { MATCH (e:Entity) } AS count
  UNION ALL
  RETURN 'total' AS section, 'edges' AS name, COUNT { MATCH (:Entity)-[r]->(:Entity) } AS count
}
RETURN section, name, count
ORDER BY section, count DESC, name

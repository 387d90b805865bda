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
  MATCH (d:Document) RETURN 'total' AS section, 'documents' AS name, count(d) AS count
  UNION ALL
  MATCH (v:Evidence) RETURN 'total' AS section, 'evidence' AS name, count(v) AS count
  UNION ALL
  MATCH (e:Entity) RETURN 'total' AS section, 'entities' AS name, count(e) AS count
  UNION ALL
  MATCH (:Entity)-[r]->(:Entity) RETURN 'total' AS section, 'edges' AS name, count(r) AS count
}
RETURN section, name, count
ORDER BY section, count DESC, name

// description: >-
//   When the graph last changed, per document and per regraded edge, in epoch milliseconds: each
//   document's first and last load, each edge's last grade change (set or cleared: the audit
//   trail keeps both). The STIX export takes its created and modified times from these
//   (graph/exports/stix.py), so an unchanged graph exports the same bundle and a changed edge a
//   new modified.
// mode: read
// returns: what (document or edge), id, first (epoch ms), last (epoch ms)
CALL () {
  MATCH (d:Document)
  RETURN 'document' AS what, d.id AS id, coalesce(d.first_loaded_at, d.loaded_at).epochMillis AS first,
         d.loaded_at.epochMillis AS last
  UNION ALL
  MATCH (c:GradeChange) WHERE c.subject STARTS WITH 'edge:'
  WITH substring(c.subject, 5) AS id, max(datetime(c.at).epochMillis) AS last
  RETURN 'edge' AS what, id, last AS first, last
}
RETURN what, id, first, last

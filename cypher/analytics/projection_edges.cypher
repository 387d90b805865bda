// description: >-
//   The edges of the analytics projection: every edge between two entities that the edge filter
//   allows (the shared predicate of graph/services/filters.py), one compact row each, unordered so
//   that a million rows stream. Mentions, evidence and the GraphMeta node are never part of it.
//   With `kinds`, only edges whose two ends are of those kinds.
// mode: read
// params:
//   types: {type: list, description: relation types allowed}
//   statuses: {type: list, description: statuses allowed}
//   document: {type: string, description: only edges this document supports; null for any}
//   since: {type: string, description: only edges dated on or after this ISO date; null for any}
//   until: {type: string, description: only edges dated on or before this ISO date; null for any}
//   kinds: {type: list, default: null, description: "node kinds both ends must have; null for any"}
// returns: source (entity id), target (entity id), weight (evidence count, 1 when unset)
MATCH (s:Entity)-[r]->(o:Entity)
WHERE type(r) IN $types AND r.status IN $statuses
  AND ($document IS NULL OR $document IN r.documents)
  AND ($since IS NULL OR r.last_date >= $since) AND ($until IS NULL OR r.first_date <= $until)
  AND ($kinds IS NULL OR (s.kind IN $kinds AND o.kind IN $kinds))
RETURN s.id AS source, o.id AS target, coalesce(r.weight, 1) AS weight

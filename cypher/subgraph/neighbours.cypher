// description: >-
//   The entities one hop from any of the given ones over the edges the filter allows, not
//   counting those already known: one step of the breadth-first walk behind /subgraph?center=.
// mode: read
// params:
//   frontier: {type: list, description: entity ids to expand}
//   known: {type: list, description: entity ids already in the subgraph}
//   types: {type: list, description: relation types allowed}
//   statuses: {type: list, description: statuses allowed}
//   document: {type: string, description: only edges this document supports; null for any}
//   since: {type: string, description: only edges dated on or after this ISO date; null for any}
//   until: {type: string, description: only edges dated on or before this ISO date; null for any}
//   limit: {type: integer, description: most new ids returned}
// returns: id
UNWIND $frontier AS id
MATCH (:Entity {id: id})-[r]-(n:Entity)
WHERE type(r) IN $types AND r.status IN $statuses
  AND ($document IS NULL OR $document IN r.documents)
  AND ($since IS NULL OR r.last_date >= $since) AND ($until IS NULL OR r.first_date <= $until)
  AND NOT n.id IN $known
WITH DISTINCT n.id AS id
ORDER BY id
LIMIT $limit
RETURN id

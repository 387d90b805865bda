// description: >-
//   The evidence of these documents as place_evidence (graph/placement.py) takes it: what
//   each relation says, with its ends as origins, and where it is placed now.
// mode: read
// params:
//   documents: {type: list, description: document ids}
// returns: evidence (map)
MATCH (v:Evidence)
WHERE v.document IN $documents
RETURN v {.id, .document, .relation, .type, .status, .subject_origin, .object_origin, .asserted_by_origin,
          disputed_by_origin: coalesce(v.disputed_by_origin, []), .denies_relation, .edge, .subject, .object,
          .asserted_by, disputed_by: coalesce(v.disputed_by, []), .denies} AS evidence
ORDER BY v.id

// description: Delete one investigation; returns how many were deleted (0 or 1).
// mode: write
// params:
//   id: {type: string, description: investigation id}
// returns: deleted (integer)
OPTIONAL MATCH (i:Investigation {id: $id})
WITH i, CASE WHEN i IS NULL THEN 0 ELSE 1 END AS deleted
DELETE i
RETURN deleted

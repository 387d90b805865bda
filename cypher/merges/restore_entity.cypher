// description: >-
//   Bring back the entity a merge took away, with its kind label, before its mentions and
//   evidence move back to it (its names are then recomputed from them, load/refresh_entities).
// mode: write
// params:
//   id: {type: string, description: the entity id}
//   display_name: {type: string, description: "its name when it was merged (not `name`: Tx.run takes that)"}
//   kind: {type: string, description: its kind (and second label)}
// returns: kind (of the node, which may have existed already)
MERGE (e:Entity {id: $id})
  ON CREATE SET e.name = $display_name, e.kind = $kind
SET e:$($kind)
RETURN e.kind AS kind

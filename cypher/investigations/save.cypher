// description: >-
//   Create or replace one investigation: a scene kept from the web page (graph/services/investigations.py).
//   It is a lone `Investigation` node with no relationship, so no reader of the article graph
//   (paths, centrality, exports, stats), which all match `Entity`, `Document` or `Evidence`, ever
//   meets it. The scene and the notes are JSON text: Neo4j properties cannot hold nested maps.
//   `created` and `author` are kept from the first save.
// mode: write
// params:
//   investigation: {type: map, description: "id, title, author, scene (JSON text), notes (JSON text), nodes, note_count"}
// returns: investigation (map)
MERGE (i:Investigation {id: $investigation.id})
ON CREATE SET i.created = toString(datetime()), i.author = $investigation.author
SET i.title = $investigation.title, i.scene = $investigation.scene, i.notes = $investigation.notes,
    i.nodes = $investigation.nodes, i.note_count = $investigation.note_count, i.modified = toString(datetime())
RETURN i {.*} AS investigation

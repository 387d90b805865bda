// description: >-
//   Create or update document nodes from their metadata: loaded_at is when each was last loaded,
//   first_loaded_at when it was first (the STIX export's created and modified times).
// mode: write
// params:
//   documents: {type: list, description: "{id, title, publisher, published, language, text_file, sha256, url, authors, text, facts_sha256}"}
// returns: nothing
CYPHER replan=skip
UNWIND $documents AS document
MERGE (d:Document {id: document.id})
SET d += document, d.published = date(document.published), d.loaded_at = datetime(),
    d.first_loaded_at = coalesce(d.first_loaded_at, datetime())

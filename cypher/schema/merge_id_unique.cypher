// description: Merges are found by their id (unmerge, history).
// mode: write
CREATE CONSTRAINT merge_id IF NOT EXISTS FOR (m:Merge) REQUIRE m.id IS UNIQUE

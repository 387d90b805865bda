// description: Evidence ids ("document#relation") are unique.
// mode: write
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (v:Evidence) REQUIRE v.id IS UNIQUE

// description: Investigations (scenes kept from the web page) are found by their id.
// mode: write
CREATE CONSTRAINT investigation_id IF NOT EXISTS FOR (i:Investigation) REQUIRE i.id IS UNIQUE

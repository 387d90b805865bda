// description: One GraphMeta node holds the graph's version counter.
// mode: write
CREATE CONSTRAINT graph_meta_key IF NOT EXISTS FOR (m:GraphMeta) REQUIRE m.key IS UNIQUE

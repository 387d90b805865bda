// description: One Source node (a publisher's or a speaker's reliability grade) per key.
// mode: write
CREATE CONSTRAINT source_key IF NOT EXISTS FOR (s:Source) REQUIRE s.key IS UNIQUE

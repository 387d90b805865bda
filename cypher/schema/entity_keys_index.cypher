// description: >-
//   Exact, case- and apostrophe-insensitive look-up of names and aliases. `keys` holds every
//   name and alias normalised by graph.names.name_key; the keyword analyzer keeps each key one
//   term, so a quoted query matches whole keys only. (A range index cannot serve `x IN list`.)
// mode: write
CREATE FULLTEXT INDEX entity_keys IF NOT EXISTS FOR (e:Entity) ON EACH [e.keys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false}}

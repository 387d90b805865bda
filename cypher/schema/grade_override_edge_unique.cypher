// description: At most one analyst's grade in force per edge id.
// mode: write
CREATE CONSTRAINT grade_override_edge IF NOT EXISTS FOR (g:GradeOverride) REQUIRE g.edge IS UNIQUE

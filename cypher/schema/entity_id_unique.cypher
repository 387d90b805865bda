// description: Entity ids are unique; the constraint's index serves every look-up by id.
// mode: write
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE

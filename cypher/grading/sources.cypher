// description: The reliability grade of every graded source (publishers and quoted speakers).
// mode: read
// returns: key (publisher:NAME-KEY or speaker:ENTITY-ID), reliability (A-F)
MATCH (s:Source)
RETURN s.key AS key, s.reliability AS reliability

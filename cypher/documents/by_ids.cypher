// description: Documents by id, with the metadata a reader needs to weigh a quote (no text).
// mode: read
// params:
//   ids: {type: list, description: document ids}
// returns: id, title, publisher, published, url
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.title AS title, d.publisher AS publisher, toString(d.published) AS published,
       d.url AS url
ORDER BY id

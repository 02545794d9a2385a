// question: Which entities are mentioned in the same articles as a given entity, and how often?
// param name: string = 东阿县 — the entity's canonical name or one of its aliases
// param limit: int = 20 — at most this many rows
// example: kg query co_mentioned --param name=东阿县 --param limit=10
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace($name, '"', '\\"') + '"') YIELD node AS e
WITH e WHERE e.name = $name OR $name IN e.aliases
MATCH (e)<-[:MENTIONS]-(art:Article)-[:MENTIONS]->(other)
WHERE other <> e
RETURN other.name AS entity, labels(other)[0] AS type, count(DISTINCT art) AS shared_articles,
       collect(DISTINCT art.id)[..5] AS articles
ORDER BY shared_articles DESC, entity
LIMIT $limit

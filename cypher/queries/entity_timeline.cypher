// question: When was an entity in the news: the articles that mention it, by date, with the facts each states about it?
// param name: string = 聊城市 — the entity's canonical name or one of its aliases
// param since: date = 1900-01-01 — only articles dated on or after this day (undated articles are kept)
// param until: date = 2999-12-31 — only articles dated on or before this day
// example: kg query entity_timeline --param name=东昌府区 --param since=2024-01-01
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace($name, '"', '\\"') + '"') YIELD node AS e
WITH e WHERE e.name = $name OR $name IN e.aliases
MATCH (art:Article)-[:MENTIONS]->(e)
  WHERE art.date IS NULL OR $since <= art.date <= $until
OPTIONAL MATCH (e)-[r:DEVELOPS|LOCATED_IN|HOLDS_POSITION|FUNDS]-(other)
  WHERE r.article = art.id
RETURN art.date AS date, art.id AS article, art.title AS title,
       collect(DISTINCT type(r) + ' ' + other.name) AS facts
ORDER BY date, article

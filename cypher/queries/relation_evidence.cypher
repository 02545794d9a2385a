// question: What relates two entities, in either direction: each relationship with its evidence sentence and article?
// param from: string = 宋一丁 — one entity's canonical name or alias
// param to: string = 聊城市市场监督管理局 — the other entity's canonical name or alias
// example: kg query relation_evidence --param from=宋一丁 --param to=聊城市市场监督管理局
// Names are looked up through the full-text index (a phrase query), then matched exactly.
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace($from, '"', '\\"') + '"') YIELD node AS a
WITH a WHERE a.name = $from OR $from IN a.aliases
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace($to, '"', '\\"') + '"') YIELD node AS b
WITH a, b WHERE b.name = $to OR $to IN b.aliases
MATCH (a)-[r]-(b)
OPTIONAL MATCH (art:Article {id: r.article})
RETURN type(r) AS relation, startNode(r).name AS source, endNode(r).name AS target, r.evidence AS evidence,
       r.article AS article, art.title AS article_title, art.date AS date, r.rule AS rule
ORDER BY date, article, relation

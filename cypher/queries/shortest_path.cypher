// question: How are two entities connected through facts (DEVELOPS, LOCATED_IN, HOLDS_POSITION, FUNDS; not mere mentions)?
// param from: string = 时风集团 — one entity's canonical name or alias
// param to: string = 齐盛光伏农业综合体项目 — the other entity's canonical name or alias
// param max_hops: int = 8 — give up on longer paths (at most 15)
// example: kg query shortest_path --param from=时风集团 --param to=齐盛光伏农业综合体项目
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace($from, '"', '\\"') + '"') YIELD node AS a
WITH a WHERE a.name = $from OR $from IN a.aliases
CALL db.index.fulltext.queryNodes('entity_names', '"' + replace($to, '"', '\\"') + '"') YIELD node AS b
WITH a, b WHERE (b.name = $to OR $to IN b.aliases) AND a <> b
MATCH path = shortestPath((a)-[:DEVELOPS|LOCATED_IN|HOLDS_POSITION|FUNDS*..15]-(b))
WHERE length(path) <= $max_hops
RETURN length(path) AS hops, [n IN nodes(path) | n.name] AS nodes, [r IN relationships(path) | type(r)] AS relations,
       [r IN relationships(path) | r.article] AS articles
ORDER BY hops
LIMIT 1

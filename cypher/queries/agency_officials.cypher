// question: Who holds a position in an agency, with which titles, according to which articles?
// param agency: string = 聊城市市场监督管理局 — the agency's canonical name or one of its aliases (市市场监管局)
// example: kg query agency_officials --param agency=市市场监管局
MATCH (a:Agency)
WHERE a.name = $agency OR $agency IN a.aliases
MATCH (p:Person)-[h:HOLDS_POSITION]->(a)
RETURN a.name AS agency, p.name AS person, collect(DISTINCT h.title) AS titles, collect(DISTINCT h.article) AS articles
ORDER BY person

// question: Which projects are in a county (directly or through one of its towns), and what do they invest in total?
// param county: string = 东阿县 — the county's canonical name or one of its aliases
// example: kg query county_projects --param county=东阿县
MATCH (c:County)
WHERE c.name = $county OR $county IN c.aliases
MATCH (p:Project)-[:LOCATED_IN*1..2]->(c)
WITH DISTINCT c, p
WITH c, collect(p) AS projects, sum(coalesce(p.investment_yuan, 0)) AS total
UNWIND projects AS p
RETURN c.name AS county, p.name AS project, p.investment_yuan AS investment_yuan, total AS county_total_yuan,
       size(projects) AS projects_in_county
ORDER BY investment_yuan DESC, project

// question: Which counties attract the most project investment (projects located in the county or in one of its towns)?
// param limit: int = 20 — at most this many counties
// example: kg query county_investment --param limit=5
MATCH (p:Project)-[:LOCATED_IN*1..2]->(c:County)
WITH c, collect(DISTINCT p) AS projects
WITH c, projects, reduce(total = 0, p IN projects | total + coalesce(p.investment_yuan, 0)) AS total
RETURN c.name AS county, total AS total_investment_yuan, size(projects) AS projects,
       size([p IN projects WHERE p.investment_yuan IS NOT NULL]) AS projects_with_amount
ORDER BY total_investment_yuan DESC, county
LIMIT $limit

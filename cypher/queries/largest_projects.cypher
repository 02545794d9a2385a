// question: Which projects invest the most, where are they, and who develops them?
// param limit: int = 10 — at most this many projects
// example: kg query largest_projects --param limit=5
MATCH (p:Project)
WHERE p.investment_yuan IS NOT NULL
OPTIONAL MATCH (p)-[:LOCATED_IN]->(place)
OPTIONAL MATCH (c:Company)-[:DEVELOPS]->(p)
RETURN p.name AS project, p.investment_yuan AS investment_yuan, p.investment_text AS investment_text,
       collect(DISTINCT place.name) AS located_in, collect(DISTINCT c.name) AS developers
ORDER BY investment_yuan DESC, project
LIMIT $limit

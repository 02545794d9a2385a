// question: Which companies are behind a project, in what role, and which other projects do they develop?
// param project: string = 新材料合成酯项目 — the project's canonical name or one of its aliases
// example: kg query project_companies --param project=新材料合成酯项目
MATCH (p:Project)
WHERE p.name = $project OR $project IN p.aliases
MATCH (c:Company)-[d:DEVELOPS]->(p)
OPTIONAL MATCH (c)-[:DEVELOPS]->(other:Project)
  WHERE other <> p
RETURN p.name AS project, c.name AS company, collect(DISTINCT d.role) AS roles,
       collect(DISTINCT other.name) AS other_projects
ORDER BY company

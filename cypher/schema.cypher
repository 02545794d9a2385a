// The graph's schema, applied by `kg load` (src/neo4j/schema.ts) before any MERGE. Every statement is idempotent.
// Node keys: Article.id is the article id (`<page file stem>#<n>`); every entity label keys on id = "<Type>:<name>"
// (src/schema.ts entityId). The uniqueness constraints also give MERGE and MATCH by id their index.

CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT county_id IF NOT EXISTS FOR (n:County) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT city_id IF NOT EXISTS FOR (n:City) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT town_id IF NOT EXISTS FOR (n:Town) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;

// Lookups by canonical name (the queries take names, not ids).
CREATE INDEX project_name IF NOT EXISTS FOR (n:Project) ON (n.name);
CREATE INDEX company_name IF NOT EXISTS FOR (n:Company) ON (n.name);
CREATE INDEX county_name IF NOT EXISTS FOR (n:County) ON (n.name);
CREATE INDEX agency_name IF NOT EXISTS FOR (n:Agency) ON (n.name);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX city_name IF NOT EXISTS FOR (n:City) ON (n.name);
CREATE INDEX town_name IF NOT EXISTS FOR (n:Town) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX article_date IF NOT EXISTS FOR (n:Article) ON (n.date);

// Search by any surface form: canonical name or alias (the viewer's search box, `kg query search`).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Project|Company|County|Agency|Person|City|Town|Organization) ON EACH [n.name, n.aliases];

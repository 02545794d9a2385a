// question: Which agencies fund which companies or projects, with how much, and where is it said?
// param min_amount: int = 0 — only funding of at least this many yuan (funding without a printed amount counts as 0)
// example: kg query agency_funding --param min_amount=1000000
MATCH (a:Agency)-[f:FUNDS]->(x)
WHERE (x:Company OR x:Project) AND coalesce(f.amount_yuan, 0) >= $min_amount
RETURN a.name AS agency, labels(x)[0] AS recipient_type, x.name AS recipient, f.amount_yuan AS amount_yuan,
       f.article AS article, f.evidence AS evidence
ORDER BY amount_yuan DESC, agency, recipient

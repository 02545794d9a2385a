// question: Which entities have a name or alias containing these words (full-text search, best matches first)?
// param q: string = 东阿 — words to search for; Lucene syntax works ("exact phrase", AND, OR, wildcard*)
// param limit: int = 10 — at most this many entities
// example: kg query search --param q=阿胶
CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score
RETURN labels(node)[0] AS type, node.name AS name, node.aliases AS aliases, size(node.articles) AS articles, score
ORDER BY score DESC, name
LIMIT $limit

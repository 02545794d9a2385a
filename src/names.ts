// The names that the records, graph.json, Neo4j and the viewer share: entity labels, relation types, the rule ids of
// relations, the provenance keys of a relation, the article node label and id prefix. Plain data without imports, so
// that the viewer's bundle takes it without zod; schema.ts re-exports it all. Tables keyed by these names are typed
// `Record<EntityType, …>` / `Record<RelationType, …>`, so a new name is a compile error wherever it is not handled.

export const ENTITY_TYPES = [
  'Project',
  'Company',
  'County',
  'Agency',
  'Person',
  'City',
  'Town',
  'Organization',
] as const;
/** An entity label as plain TypeScript (schema.ts's `EntityType` is the same union, inferred from zod). */
export type EntityName = (typeof ENTITY_TYPES)[number];
/** The labels of places (the gazetteer's divisions and zones). */
export const PLACE_TYPES: ReadonlySet<EntityName> = new Set<EntityName>(['City', 'County', 'Town']);
/** The five labels of the headline score. */
export const SCORED_ENTITY_TYPES = ['Project', 'Company', 'County', 'Agency', 'Person'] as const;

export const RELATION_TYPES = ['DEVELOPS', 'LOCATED_IN', 'HOLDS_POSITION', 'REPORTED', 'MENTIONS', 'FUNDS'] as const;
/** The relation types of the headline score. */
export const SCORED_RELATION_TYPES = ['DEVELOPS', 'LOCATED_IN', 'HOLDS_POSITION'] as const;
/** A relation type as plain TypeScript (schema.ts's `RelationType` is the same union, inferred from zod). */
export type RelationName = (typeof RELATION_TYPES)[number];

/** Articles are nodes too (graph.json, Neo4j), with this label and `Article:<article id>` as node id. */
export const ARTICLE_LABEL = 'Article';
export const ARTICLE_ID_PREFIX = `${ARTICLE_LABEL}:`;
export const articleNodeId = (articleId: string): string => `${ARTICLE_ID_PREFIX}${articleId}`;

export type NodeLabel = (typeof ENTITY_TYPES)[number] | typeof ARTICLE_LABEL;
export const NODE_LABELS: readonly NodeLabel[] = [...ENTITY_TYPES, ARTICLE_LABEL];
export const isNodeLabel = (s: string): s is NodeLabel => (NODE_LABELS as readonly string[]).includes(s);
export const isRelationType = (s: string): s is RelationName => (RELATION_TYPES as readonly string[]).includes(s);

/** What a relation carries about where it was read: article id, evidence sentence, its offsets, the rule. */
export const PROVENANCE_KEYS = ['article', 'evidence', 'start', 'end', 'rule'] as const;
export type ProvenanceKey = (typeof PROVENANCE_KEYS)[number];
/** A relation's place on its page (`page: {line, start, end}`) as the flat properties graph.json and Neo4j hold. */
export const PAGE_KEYS = ['page_line', 'page_start', 'page_end'] as const;

/** The `rule` of each relation type: the extractor that makes it (src/extract/relations.ts, index.ts). */
export const RELATION_RULES = {
  DEVELOPS: [
    'develops:owner-in-name',
    'develops:company-de-project',
    'develops:company-verb-de',
    'develops:you-company-verb',
    'develops:same-sentence',
    'develops:official-on-project',
  ],
  LOCATED_IN: [
    'located:place-in-name',
    'located:weiyu',
    'located:sentence-opener',
    'located:one-county-in-sentence',
    'located:paragraph-topic',
    'located:via-develops',
    'located:article-county',
    'located:gazetteer',
  ],
  HOLDS_POSITION: ['position:title-chain'],
  REPORTED: ['byline'],
  MENTIONS: ['mentions'],
  FUNDS: ['funds:agency-verb-amount'],
} as const satisfies Record<RelationName, readonly string[]>;
export type RelationRule = (typeof RELATION_RULES)[keyof typeof RELATION_RULES][number];

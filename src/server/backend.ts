// What the viewer's HTTP API can ask of a graph store, and the JSON shapes it answers with. Two stores implement it:
// graph.json held in memory (graph-file.ts) and a Neo4j database (neo4j.ts). Both are read-only.
import { PAGE_KEYS, type RelationName } from '../names.ts';
import type { Neo4jConnection } from '../neo4j/driver.ts';

/** A node as the viewer draws it: graphology's serialized node, attributes without the long article list. */
export interface ViewNode {
  key: string;
  attributes: { type: string; label: string; name: string; aliases: string[]; [prop: string]: unknown };
}

/** An edge as the viewer draws it: type and properties, without its provenance (the details call carries that). */
export interface ViewEdge {
  key: string;
  source: string;
  target: string;
  attributes: { type: string; [prop: string]: unknown };
}

/** A part of the graph, in graphology's serialized shape so that the viewer can `graph.import()` it. */
export interface GraphPayload {
  nodes: ViewNode[];
  edges: ViewEdge[];
  /** True when nodes were left out to stay within the limit, or edges beyond MAX_PAYLOAD_EDGES. */
  truncated: boolean;
}

export interface NodeSummary {
  id: string;
  type: string;
  label: string;
  name: string;
  aliases: string[];
}

export interface SearchHit extends NodeSummary {
  /** The name or alias that contains the query. */
  matched: string;
  degree: number;
}

export interface ArticleRef {
  id: string;
  title: string | null;
  date: string | null;
  file: string | null;
}

/** An article to read: its headline, where it was printed, its body (null when the store has none for it). */
export interface ArticleDetails extends ArticleRef {
  kicker: string | null;
  subtitle: string | null;
  body: string | null;
}

/** One relation of a node, seen from that node, with the sentence it was read from. */
export interface RelationView {
  id: string;
  type: string;
  direction: 'out' | 'in';
  other: NodeSummary;
  article: ArticleRef | null;
  evidence: string;
  start: number | null;
  end: number | null;
  rule: string | null;
  /** The line of the page file its evidence starts on; null for an article that came without a page. */
  pageLine: number | null;
  /** Relation properties such as title, role, amount_yuan. */
  props: Record<string, unknown>;
}

export interface NodeDetails extends NodeSummary {
  /** Every node property (investment_yuan, articles, date…). */
  attributes: Record<string, unknown>;
  degree: number;
  relations: RelationView[];
  /** How many relations the node has in all; `relations` holds at most the limit asked for. */
  relationCount: number;
}

export interface GraphStats {
  nodes: number;
  edges: number;
  nodeTypes: Record<string, number>;
  edgeTypes: Record<string, number>;
  source: string;
}

export interface GraphBackend {
  stats(): Promise<GraphStats>;
  /** Nodes whose name or one of whose aliases contains `query` as a substring, best first. */
  search(query: string, opts: { limit: number; types?: string[] }): Promise<SearchHit[]>;
  /** null when there is no node with that id. */
  node(id: string, opts: { relationLimit: number }): Promise<NodeDetails | null>;
  /** The node, its neighbours (at most `limit`, most connected first) and the edges among them; null when unknown. */
  neighbors(id: string, opts: { limit: number }): Promise<GraphPayload | null>;
  /** The given nodes and the edges among them; without ids, the `limit` most connected nodes (the first view). */
  subgraph(opts: { ids?: string[]; limit: number }): Promise<GraphPayload>;
  /** The database, for the named Cypher queries (queries.ts); graph.json has none. */
  cypher?: Neo4jConnection;
  /** The article of that (bare) article id; null when there is none. */
  article(id: string): Promise<ArticleDetails | null>;
  close(): Promise<void>;
}

/**
 * The most edges one payload carries, whatever the node limit asked for (the node limit alone would let a request
 * ask for millions): edges of the best-connected nodes first. Twice the edges of the 20k-node benchmark graph.
 */
export const MAX_PAYLOAD_EDGES = 100_000;

/** What a store may be told beyond its data (tests give a small edge bound). */
export interface BackendOptions {
  maxEdges?: number;
}

/** Node attributes that stay on the server: long lists the viewer reads from the details call instead. */
export const HEAVY_NODE_ATTRIBUTES: readonly string[] = ['articles', 'body'];
/**
 * Edge provenance that the details call carries. The article id and the rule stay on the drawn edge: the viewer
 * filters by them (the article's date, the rule) without asking the server.
 */
export const HEAVY_EDGE_ATTRIBUTES: readonly string[] = ['evidence', 'start', 'end'];

export function viewNode(key: string, attrs: Record<string, unknown>): ViewNode {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs)) if (!HEAVY_NODE_ATTRIBUTES.includes(k)) out[k] = v;
  const name = typeof attrs.name === 'string' ? attrs.name : key;
  return {
    key,
    attributes: {
      ...out,
      type: String(attrs.type ?? 'Unknown'),
      label: typeof attrs.label === 'string' && attrs.label ? attrs.label : name,
      name,
      aliases: stringArray(attrs.aliases),
    },
  };
}

export function viewEdge(key: string, source: string, target: string, attrs: Record<string, unknown>): ViewEdge {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs)) if (!HEAVY_EDGE_ATTRIBUTES.includes(k)) out[k] = v;
  return { key, source, target, attributes: { ...out, type: String(attrs.type ?? 'RELATED') } };
}

export function summary(id: string, attrs: Record<string, unknown>): NodeSummary {
  const { type, label, name, aliases } = viewNode(id, attrs).attributes;
  return { id, type, label, name, aliases };
}

export function stringArray(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * Relation properties: everything on an edge that is neither its type nor its provenance (in Neo4j `date`, its
 * article's date, is provenance too: the relation's article carries it).
 */
export function relationProps(attrs: Record<string, unknown>): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (!['type', 'article', 'evidence', 'start', 'end', 'rule', 'date', ...PAGE_KEYS].includes(k)) props[k] = v;
  }
  return props;
}

const numberOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const stringOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A relation seen from one end; `articleOf` looks up the article an edge cites (null when it is not in the graph). */
export function relationView(
  edgeId: string,
  attrs: Record<string, unknown>,
  direction: 'out' | 'in',
  other: NodeSummary,
  article: ArticleRef | null,
): RelationView {
  return {
    id: edgeId,
    type: String(attrs.type ?? 'RELATED'),
    direction,
    other,
    article,
    evidence: typeof attrs.evidence === 'string' ? attrs.evidence : '',
    start: numberOrNull(attrs.start),
    end: numberOrNull(attrs.end),
    rule: stringOrNull(attrs.rule),
    pageLine: numberOrNull(attrs.page_line),
    props: relationProps(attrs),
  };
}

export function articleRef(id: string, attrs: Record<string, unknown> | null): ArticleRef {
  return {
    id,
    title: stringOrNull(attrs?.title),
    date: stringOrNull(attrs?.date),
    file: stringOrNull(attrs?.file),
  };
}

/** An Article node's attributes (body included where the store has it) as the article to read. */
export function articleDetails(id: string, attrs: Record<string, unknown>): ArticleDetails {
  return {
    ...articleRef(id, attrs),
    kicker: stringOrNull(attrs.kicker),
    subtitle: stringOrNull(attrs.subtitle),
    body: stringOrNull(attrs.body),
  };
}

/**
 * Relations in the order a reader wants them: the named relations (DEVELOPS, HOLDS_POSITION, FUNDS, LOCATED_IN…)
 * before the bulk MENTIONS/REPORTED links, then by article and position so the list is stable.
 */
const BULK_RELATIONS: ReadonlySet<string> = new Set<RelationName>(['MENTIONS', 'REPORTED']);
export function compareRelations(a: RelationView, b: RelationView): number {
  const bulk = Number(BULK_RELATIONS.has(a.type)) - Number(BULK_RELATIONS.has(b.type));
  if (bulk) return bulk;
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  const aa = a.article?.id ?? '';
  const ba = b.article?.id ?? '';
  if (aa !== ba) return aa < ba ? -1 : 1;
  const at = (a.start ?? 0) - (b.start ?? 0);
  if (at) return at;
  // Same sentence, several relations (a MENTIONS of each name in it): by the other end, so both stores agree.
  return a.other.id < b.other.id ? -1 : a.other.id > b.other.id ? 1 : a.direction < b.direction ? -1 : 0;
}

/** Searches compare names without whitespace (names are printed without it) and Latin letters case-blind. */
export function normalizeQuery(q: string): string {
  return q.replace(/\s+/gu, '').toLowerCase();
}

/**
 * How well a node matches a (normalized) query, or null when neither its name nor an alias contains it.
 * Lower is better: exact name, exact alias, name prefix, alias prefix, substring; shorter names first within a rank.
 */
export function matchRank(query: string, name: string, aliases: string[]): { rank: number; matched: string } | null {
  let best: { rank: number; matched: string } | null = null;
  const candidates: Array<[string, boolean]> = [[name, true], ...aliases.map((a): [string, boolean] => [a, false])];
  for (const [text, isName] of candidates) {
    const t = normalizeQuery(text);
    const at = t.indexOf(query);
    if (at < 0) continue;
    const kind = t === query ? 0 : at === 0 ? 2 : 4;
    const rank = (kind + (isName ? 0 : 1)) * 10_000 + Math.min(t.length, 9_999);
    if (!best || rank < best.rank) best = { rank, matched: text };
  }
  return best;
}

/** Ranks candidates with matchRank (name, aliases, label), more connected nodes first among equals; keeps `limit`. */
export function rankHits(
  query: string,
  candidates: Array<NodeSummary & { degree: number }>,
  limit: number,
): SearchHit[] {
  const q = normalizeQuery(query);
  const scored: Array<{ hit: SearchHit; rank: number }> = [];
  for (const c of candidates) {
    // An article's name is its id; its title (the label) is what a reader searches for.
    const m = matchRank(q, c.name, c.label === c.name ? c.aliases : [...c.aliases, c.label]);
    if (m) scored.push({ hit: { ...c, matched: m.matched }, rank: m.rank });
  }
  scored.sort((a, b) => a.rank - b.rank || b.hit.degree - a.hit.degree || (a.hit.id < b.hit.id ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.hit);
}

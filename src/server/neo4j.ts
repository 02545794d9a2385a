// The API over a Neo4j database loaded by `kg load`: read transactions with parameterized Cypher only.
// The model (SCHEMA.md): one label per entity type with `name`, `aliases`, `articles` and properties; `Article` nodes
// keyed by `id`; relationships carry `article`, `evidence`, `start`, `end`, `rule` and properties.
// Node ids in the API are the graph.json ones: `<Type>:<name>` for entities, `Article:<article id>` for articles.
// Labels are never taken from a request: an id's type is checked against the schema's list before it reaches Cypher.
import { ARTICLE_LABEL, articleNodeId, NODE_LABELS, type RelationName } from '../names.ts';
import neo4j, { type Driver, type ManagedTransaction, type Node, type Relationship } from 'neo4j-driver';
import { createDriver, neo4jSettings, type Neo4jSettings } from '../neo4j/driver.ts';
import {
  articleDetails,
  articleRef,
  compareRelations,
  HEAVY_EDGE_ATTRIBUTES,
  HEAVY_NODE_ATTRIBUTES,
  MAX_PAYLOAD_EDGES,
  normalizeQuery,
  rankHits,
  relationView,
  summary,
  viewEdge,
  viewNode,
  type ArticleDetails,
  type BackendOptions,
  type GraphBackend,
  type GraphPayload,
  type NodeDetails,
  type NodeSummary,
} from './backend.ts';

export type Neo4jConfig = Neo4jSettings;

/** The Neo4j to serve from, when NEO4J_URI is set (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE complete it). */
export function neo4jConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig | undefined {
  return env.NEO4J_URI ? neo4jSettings({}, env) : undefined;
}

const LABELS: readonly string[] = NODE_LABELS;
const BULK: RelationName[] = ['MENTIONS', 'REPORTED'];
/** The best candidates of a search, ranked in Cypher as matchRank does; JS ranks them again with the exact rule. */
const SEARCH_CANDIDATES = 500;

/** A query of Han characters only: the full-text index finds it as a substring (see searchCypher). */
const HAN_ONLY = /^\p{Script=Han}+$/u;

/** A Lucene phrase query for the text: its syntax characters escaped, the whole quoted. */
export const lucenePhrase = (text: string): string => `"${text.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&')}"`;

/**
 * Nodes whose name, alias (or article title, or id) contains $q, best first by the rank of matchRank (exact name, exact
 * alias, name prefix, alias prefix, substring; shorter first), then the more connected, then by id; at most $cap.
 * A query of Han characters comes from the full-text index `entity_names`: its analyzer (standard-no-stop-words) makes
 * one token of every Han character, so the phrase "海韵" matches every name holding 海韵. Other queries (Latin letters,
 * digits: tokens are whole words there, so a substring would be missed) scan the labels with CONTAINS. Article titles
 * are not indexed: Articles are scanned. Candidates are ranked before the cap, so an exact match is never cut.
 */
export function searchCypher(q: string, labels: readonly string[]): string {
  const sources = HAN_ONLY.test(q)
    ? [
        "CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node RETURN node AS n",
        ...(labels.includes(ARTICLE_LABEL) ? [`MATCH (n:${ARTICLE_LABEL}) RETURN n`] : []),
      ]
    : ['MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) RETURN n'];
  const text = (x: string) => `replace(toLower(${x}), ' ', '')`;
  return `CALL { ${sources.join(' UNION ')} }
WITH n WHERE any(l IN labels(n) WHERE l IN $labels)
WITH n, [c IN [{t: ${text('coalesce(n.name, n.id)')}, alias: 0}]
    + [a IN coalesce(n.aliases, []) | {t: ${text('a')}, alias: 1}]
    + CASE WHEN n:Article THEN [{t: ${text("coalesce(n.title, '')")}, alias: 1}] ELSE [] END
  WHERE c.t CONTAINS $q |
  (CASE WHEN c.t = $q THEN 0 WHEN c.t STARTS WITH $q THEN 2 ELSE 4 END + c.alias) * 10000
    + CASE WHEN size(c.t) < 9999 THEN size(c.t) ELSE 9999 END] AS ranks
WHERE size(ranks) > 0
WITH n, reduce(best = 1000000, r IN ranks | CASE WHEN r < best THEN r ELSE best END) AS rank,
  COUNT { (n)--() } AS degree
RETURN n, degree ORDER BY rank, degree DESC, n.id LIMIT $cap`;
}

/** An API id → the label and the key property to match it by; null when the id names no known type. */
export function parseNodeId(id: string): { label: string; prop: 'id' | 'name'; value: string } | null {
  const colon = id.indexOf(':');
  if (colon <= 0) return null;
  const label = id.slice(0, colon);
  const value = id.slice(colon + 1);
  if (!LABELS.includes(label) || !value) return null;
  return { label, prop: label === ARTICLE_LABEL ? 'id' : 'name', value };
}

/** Neo4j values → JSON: integers and temporals become numbers and ISO strings. */
function plain(v: unknown): unknown {
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object' && 'toString' in v && v.constructor !== Object) return String(v);
  return v;
}

const num = (v: unknown): number => Number(plain(v) ?? 0);

function plainProps(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, plain(v)]));
}

/** What nodeRecord reads of a node: a driver Node, or the VIEW_NODE projection of one. */
type NodeFields = Pick<Node, 'elementId' | 'labels' | 'properties'>;

/** A node as the drawn graph needs it, without the heavy lists the viewer never draws (sent as null, then dropped). */
const VIEW_NODE = `{elementId: elementId(n), labels: labels(n),
  properties: n {.*${HEAVY_NODE_ATTRIBUTES.map((k) => `, ${k}: null`).join('')}}}`;

/** A Neo4j node → its API id and graph.json-shaped attributes. */
export function nodeRecord(n: NodeFields): { id: string; attrs: Record<string, unknown> } {
  const props = plainProps(n.properties as Record<string, unknown>);
  const type = n.labels.find((l) => LABELS.includes(l)) ?? n.labels[0] ?? 'Unknown';
  if (type === ARTICLE_LABEL) {
    const articleId = String(props.id ?? n.elementId);
    return {
      id: articleNodeId(articleId),
      attrs: { ...props, type, name: articleId, label: props.title ?? articleId, aliases: [] },
    };
  }
  const name = String(props.name ?? n.elementId);
  return { id: `${type}:${name}`, attrs: { ...props, type, name, label: name } };
}

const LABEL_FILTER = 'any(l IN labels(n) WHERE l IN $labels)';

export function openNeo4j(config: Neo4jConfig, options: BackendOptions = {}): GraphBackend {
  const maxEdges = options.maxEdges ?? MAX_PAYLOAD_EDGES;
  const driver: Driver = createDriver(config);
  const read = async <T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> => {
    const session = driver.session({
      defaultAccessMode: neo4j.session.READ,
      ...(config.database ? { database: config.database } : {}),
    });
    try {
      return await session.executeRead(work);
    } finally {
      await session.close();
    }
  };

  /** The node an API id names, or null. */
  async function find(tx: ManagedTransaction, id: string): Promise<Node | null> {
    const ref = parseNodeId(id);
    if (!ref) return null;
    // ref.label and ref.prop come from the fixed lists above, never from the request.
    const res = await tx.run(`MATCH (n:\`${ref.label}\` {${ref.prop}: $value}) RETURN n LIMIT 1`, { value: ref.value });
    return (res.records[0]?.get('n') as Node | undefined) ?? null;
  }

  /** The nodes the API ids name, in the order asked, in one query (one index seek per label present). */
  async function findAll(tx: ManagedTransaction, ids: string[]): Promise<NodeFields[]> {
    const byLabel = new Map<string, { prop: string; values: string[] }>();
    for (const id of ids) {
      const ref = parseNodeId(id);
      if (!ref) continue;
      const group = byLabel.get(ref.label);
      if (group) group.values.push(ref.value);
      else byLabel.set(ref.label, { prop: ref.prop, values: [ref.value] });
    }
    if (!byLabel.size) return [];
    const groups = [...byLabel];
    // Labels and key properties come from the fixed lists (parseNodeId), never from the request.
    const parts = groups.map(
      ([label, { prop }], i) => `MATCH (n:\`${label}\`) WHERE n.${prop} IN $v${i} RETURN ${VIEW_NODE} AS n`,
    );
    const params = Object.fromEntries(groups.map(([, g], i) => [`v${i}`, g.values]));
    const res = await tx.run(`CALL { ${parts.join(' UNION ALL ')} } RETURN n`, params);
    const order = new Map(ids.map((id, i) => [id, i]));
    const at = (n: NodeFields) => order.get(nodeRecord(n).id) ?? 0;
    return res.records.map((r) => r.get('n') as NodeFields).sort((a, b) => at(a) - at(b));
  }

  /** The given nodes and the relationships among them, as graph.json-shaped payload: one query for all edges. */
  async function induced(tx: ManagedTransaction, nodes: NodeFields[], truncated: boolean): Promise<GraphPayload> {
    const ids = new Map<string, string>();
    const out: GraphPayload = { nodes: [], edges: [], truncated };
    for (const n of nodes) {
      if (ids.has(n.elementId)) continue;
      const { id, attrs } = nodeRecord(n);
      ids.set(n.elementId, id);
      out.nodes.push(viewNode(id, attrs));
    }
    // A seek per node and its outgoing relationships; only the properties the drawn edge keeps cross the wire.
    const res = await tx.run(
      `UNWIND $ids AS e MATCH (a)-[r]->(b) WHERE elementId(a) = e AND elementId(b) IN $ids
       RETURN elementId(r) AS id, type(r) AS type, e AS s, elementId(b) AS t,
         [k IN keys(r) WHERE NOT k IN $heavy | [k, r[k]]] AS props
       LIMIT $cap`,
      { ids: [...ids.keys()], heavy: HEAVY_EDGE_ATTRIBUTES, cap: neo4j.int(maxEdges + 1) },
    );
    if (res.records.length > maxEdges) out.truncated = true;
    for (const rec of res.records.slice(0, maxEdges)) {
      const s = ids.get(rec.get('s') as string);
      const t = ids.get(rec.get('t') as string);
      const props = Object.fromEntries((rec.get('props') as [string, unknown][]).map(([k, v]) => [k, plain(v)]));
      const type = rec.get('type') as string;
      if (s && t) out.edges.push(viewEdge(rec.get('id') as string, s, t, { ...props, type }));
    }
    return out;
  }

  return {
    stats: () =>
      read(async (tx) => {
        const nodeTypes: Record<string, number> = {};
        const edgeTypes: Record<string, number> = {};
        const nt = await tx.run('MATCH (n) UNWIND labels(n) AS l WITH l WHERE l IN $labels RETURN l, count(*) AS c', {
          labels: LABELS,
        });
        for (const r of nt.records) nodeTypes[r.get('l') as string] = num(r.get('c'));
        const et = await tx.run('MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c');
        for (const r of et.records) edgeTypes[r.get('t') as string] = num(r.get('c'));
        const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
        return { nodes: sum(nodeTypes), edges: sum(edgeTypes), nodeTypes, edgeTypes, source: `neo4j ${config.uri}` };
      }),

    search: (query, { limit, types }) =>
      read(async (tx) => {
        const q = normalizeQuery(query);
        const labels = types?.length ? LABELS.filter((l) => types.includes(l)) : LABELS;
        const params = { q, lucene: lucenePhrase(q), labels, cap: neo4j.int(SEARCH_CANDIDATES) };
        const res = await tx.run(searchCypher(q, labels), params);
        const candidates = res.records.map((r) => {
          const { id, attrs } = nodeRecord(r.get('n') as Node);
          return { ...summary(id, attrs), degree: num(r.get('degree')) };
        });
        return rankHits(query, candidates, limit);
      }),

    node: (id, { relationLimit }) =>
      read(async (tx): Promise<NodeDetails | null> => {
        const n = await find(tx, id);
        if (!n) return null;
        const self = nodeRecord(n);
        const count = await tx.run('MATCH (n) WHERE elementId(n) = $e RETURN COUNT { (n)--() } AS c', {
          e: n.elementId,
        });
        const relationCount = num(count.records[0]?.get('c'));
        const res = await tx.run(
          `MATCH (n)-[r]-(m) WHERE elementId(n) = $e
           WITH n, r, m ORDER BY type(r) IN $bulk, type(r), r.article, r.start, m.id LIMIT $limit
           OPTIONAL MATCH (a:Article {id: r.article})
           RETURN r, m, startNode(r) = n AS out, a`,
          { e: n.elementId, bulk: BULK, limit: neo4j.int(relationLimit) },
        );
        const relations = res.records.map((rec) => {
          const r = rec.get('r') as Relationship;
          const other = nodeRecord(rec.get('m') as Node);
          const a = rec.get('a') as Node | null;
          const attrs: Record<string, unknown> = {
            ...plainProps(r.properties as Record<string, unknown>),
            type: r.type,
          };
          const articleId = typeof attrs.article === 'string' ? attrs.article : null;
          const article = articleId
            ? articleRef(articleId, a ? plainProps(a.properties as Record<string, unknown>) : null)
            : null;
          const otherSummary: NodeSummary = summary(other.id, other.attrs);
          return relationView(r.elementId, attrs, rec.get('out') ? 'out' : 'in', otherSummary, article);
        });
        relations.sort(compareRelations);
        return {
          ...summary(self.id, self.attrs),
          attributes: self.attrs,
          degree: relationCount,
          relations,
          relationCount,
        };
      }),

    neighbors: (id, { limit }) =>
      read(async (tx) => {
        const n = await find(tx, id);
        if (!n) return null;
        const res = await tx.run(
          `MATCH (c)--(n) WHERE elementId(c) = $e
           WITH DISTINCT n WITH n, COUNT { (n)--() } AS d ORDER BY d DESC LIMIT $cap
           RETURN ${VIEW_NODE} AS n`,
          { e: n.elementId, cap: neo4j.int(limit + 1) },
        );
        const ms = res.records.map((r) => r.get('n') as NodeFields);
        return induced(tx, [n, ...ms.slice(0, limit)], ms.length > limit);
      }),

    subgraph: ({ ids, limit }) =>
      read(async (tx) => {
        if (ids) return induced(tx, await findAll(tx, ids.slice(0, limit)), false);
        const res = await tx.run(
          `MATCH (n) WHERE ${LABEL_FILTER} WITH n, COUNT { (n)--() } AS d ORDER BY d DESC LIMIT $cap
           RETURN ${VIEW_NODE} AS n`,
          { labels: LABELS, cap: neo4j.int(limit + 1) },
        );
        const ns = res.records.map((r) => r.get('n') as NodeFields);
        return induced(tx, ns.slice(0, limit), ns.length > limit);
      }),

    article: (id) =>
      read(async (tx): Promise<ArticleDetails | null> => {
        const res = await tx.run(`MATCH (a:${ARTICLE_LABEL} {id: $id}) RETURN a LIMIT 1`, { id });
        const a = res.records[0]?.get('a') as Node | undefined;
        return a ? articleDetails(id, plainProps(a.properties as Record<string, unknown>)) : null;
      }),

    cypher: { driver, settings: config },
    close: () => driver.close(),
  };
}

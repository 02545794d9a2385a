// The named queries of cypher/queries in the viewer: GET /api/queries lists them, POST /api/queries/:name runs one
// read-only against Neo4j, with a time limit and a row cap. Over graph.json there is no Cypher to run: both answer 409.
import type { FastifyInstance } from 'fastify';
import type { Node } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type { Neo4jConnection } from '../neo4j/driver.ts';
import {
  listQueries,
  QUERIES_DIR,
  QueryParamError,
  readQuery,
  runQuery,
  type NamedQuery,
  type QueryParam,
} from '../neo4j/query.ts';
import { BadRequest } from './app.ts';
import type { GraphBackend } from './backend.ts';
import { nodeRecord } from './neo4j.ts';

export const QUERY_LIMITS = {
  /** Neo4j ends a query's transaction after this long. */
  timeoutMs: 10_000,
  /** Rows beyond this are left out (`truncated`): a table of more is not read in a browser anyway. */
  maxRows: 1000,
  /** The most distinct names of a result looked up as nodes (for "show in graph"). */
  namedNodes: 5000,
} as const;

export const NEEDS_NEO4J =
  'the questions are Cypher queries and need Neo4j; this server reads graph.json. Start a local Neo4j with '
  + '`npm run neo4j -- start`, load the graph into it (`kg load`), then serve from it: '
  + '`NEO4J_URI=bolt://127.0.0.1:7687 kg serve`';

/** A string parameter whose description says it takes an entity's name gets name suggestions in the viewer. */
const NAMES_AN_ENTITY = /canonical name/;

export interface QueryParamListing extends QueryParam {
  /** True when the value is an entity's name (the viewer suggests names from /api/search). */
  entity: boolean;
}

export interface QueryListing {
  name: string;
  question: string;
  params: QueryParamListing[];
}

/** A node in a result: what the viewer needs to find it in the graph. */
export interface NodeRef {
  id: string;
  type: string;
  name: string;
}

export interface QueryAnswer {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  /** The nodes the rows name: nodes returned as such, and entities whose name is a string cell (or in a list). */
  nodes: NodeRef[];
}

export function queryListing(query: NamedQuery): QueryListing {
  const params = query.params.map((p) => ({
    ...p,
    entity: p.type === 'string' && NAMES_AN_ENTITY.test(p.description),
  }));
  return { name: query.name, question: query.question, params };
}

/** The JSON body → the string values queryParams types; anything but a string, number or boolean is refused. */
export function requestParams(body: unknown): Record<string, string> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new BadRequest('the body must be a JSON object of parameter values, such as {"county": "东阿县"}');
  }
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (!['string', 'number', 'boolean'].includes(typeof value)) {
      throw new BadRequest(`parameter "${name}" must be a string, number or boolean, not ${JSON.stringify(value)}`);
    }
    out[name] = String(value);
  }
  return out;
}

export function nodeRef(n: Node): NodeRef {
  const { id, attrs } = nodeRecord(n);
  return { id, type: String(attrs.type), name: String(attrs.name) };
}

/** Every string in the rows, inside lists and maps too, and the nodes among the cells. */
export function cellsOf(rows: readonly Record<string, unknown>[]): { strings: Set<string>; nodes: NodeRef[] } {
  const strings = new Set<string>();
  const nodes: NodeRef[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') strings.add(v);
    else if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v && typeof v === 'object') {
      const ref = v as Partial<NodeRef>;
      if (typeof ref.id === 'string' && typeof ref.type === 'string' && typeof ref.name === 'string') {
        nodes.push({ id: ref.id, type: ref.type, name: ref.name });
      } else for (const x of Object.values(v)) visit(x);
    }
  };
  for (const row of rows) for (const v of Object.values(row)) visit(v);
  return { strings, nodes };
}

async function nodesNamed(conn: Neo4jConnection, names: string[]): Promise<NodeRef[]> {
  if (!names.length) return [];
  const { records } = await conn.driver.executeQuery(
    'MATCH (n) WHERE n.name IN $names RETURN n LIMIT $cap',
    { names, cap: neo4j.int(QUERY_LIMITS.namedNodes) },
    { database: conn.settings.database, routing: neo4j.routing.READ },
  );
  return records.map((r) => nodeRef(r.get('n') as Node));
}

export async function answerQuery(conn: Neo4jConnection, query: NamedQuery, given: Record<string, string>) {
  const { columns, rows, truncated } = await runQuery(conn, query, given, {
    timeoutMs: QUERY_LIMITS.timeoutMs,
    maxRows: QUERY_LIMITS.maxRows,
    node: nodeRef,
  });
  const cells = cellsOf(rows);
  const named = await nodesNamed(conn, [...cells.strings].slice(0, QUERY_LIMITS.namedNodes));
  const nodes = [...new Map([...cells.nodes, ...named].map((n) => [n.id, n])).values()];
  return { columns, rows, truncated, nodes } satisfies QueryAnswer;
}

export function registerQueryRoutes(app: FastifyInstance, backend: GraphBackend, dir: string = QUERIES_DIR): void {
  app.get('/api/queries', async (_req, reply) => {
    if (!backend.cypher) return reply.code(409).send({ error: NEEDS_NEO4J });
    return listQueries(dir).map(queryListing);
  });

  app.post('/api/queries/:name', async (req, reply) => {
    const conn = backend.cypher;
    if (!conn) return reply.code(409).send({ error: NEEDS_NEO4J });
    const { name } = req.params as { name: string };
    let query: NamedQuery;
    try {
      query = readQuery(name, dir);
    } catch (err) {
      return reply.code(404).send({ error: (err as Error).message });
    }
    const given = requestParams(req.body);
    try {
      return await answerQuery(conn, query, given);
    } catch (err) {
      if (err instanceof QueryParamError) throw new BadRequest(err.message);
      throw err;
    }
  });
}

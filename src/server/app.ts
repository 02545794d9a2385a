// The viewer's HTTP API (read-only JSON under /api) and the built viewer as static files.
// Every parameter is checked here: a bad one is a 400 with a message naming it, an unknown id a 404.
import { NODE_LABELS } from '../names.ts';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { GraphBackend } from './backend.ts';
import { registerQueryRoutes } from './queries.ts';
import { registerArticleRoutes } from './article.ts';
import { registerRelationRoutes } from './relations.ts';

export const NODE_TYPES: readonly string[] = NODE_LABELS;

/** Limits per parameter: the default and the most a request may ask for. */
export const LIMITS = {
  searchLimit: { default: 10, max: 100 },
  relations: { default: 200, max: 2000 },
  neighbors: { default: 200, max: 5000 },
  subgraph: { default: 25_000, max: 200_000 },
  subgraphIds: { max: 1000 },
  queryLength: { max: 100 },
  idLength: { max: 500 },
} as const;

export class BadRequest extends Error {}

type Query = Record<string, string | string[] | undefined>;

function one(q: Query, name: string): string | undefined {
  const v = q[name];
  if (Array.isArray(v)) throw new BadRequest(`parameter "${name}" is given more than once`);
  return v;
}

export function intParam(q: Query, name: string, limits: { default: number; max: number }): number {
  const raw = one(q, name);
  if (raw === undefined || raw === '') return limits.default;
  if (!/^\d{1,9}$/.test(raw))
    throw new BadRequest(`parameter "${name}" must be a whole number, got "${raw.slice(0, 40)}"`);
  const n = Number(raw);
  if (n < 1 || n > limits.max)
    throw new BadRequest(`parameter "${name}" must be between 1 and ${limits.max}, got ${n}`);
  return n;
}

/** Node ids are `<Type>:<name>` (graph.json keys); anything else cannot name a node. */
export function checkId(raw: unknown, name = 'id'): string {
  if (typeof raw !== 'string' || raw === '') throw new BadRequest(`parameter "${name}" is required`);
  if (raw.length > LIMITS.idLength.max)
    throw new BadRequest(`parameter "${name}" is longer than ${LIMITS.idLength.max} characters`);
  if (/\p{Cc}/u.test(raw)) throw new BadRequest(`parameter "${name}" contains control characters`);
  const colon = raw.indexOf(':');
  const type = colon > 0 ? raw.slice(0, colon) : '';
  if (!NODE_TYPES.includes(type) || colon === raw.length - 1) {
    throw new BadRequest(
      `parameter "${name}" must look like <Type>:<name> with Type one of ${NODE_TYPES.join(', ')}; got "${raw.slice(0, 60)}"`,
    );
  }
  return raw;
}

function typesParam(q: Query): string[] | undefined {
  const raw = one(q, 'types');
  if (!raw) return undefined;
  const types = raw.split(',').filter(Boolean);
  const bad = types.filter((t) => !NODE_TYPES.includes(t));
  if (bad.length)
    throw new BadRequest(`parameter "types" has unknown type(s) ${bad.join(', ')}; known: ${NODE_TYPES.join(', ')}`);
  return types;
}

function searchQuery(q: Query): string {
  const raw = (one(q, 'q') ?? '').trim();
  if (!raw) throw new BadRequest('parameter "q" is required');
  if (raw.length > LIMITS.queryLength.max)
    throw new BadRequest(`parameter "q" is longer than ${LIMITS.queryLength.max} characters`);
  if (/\p{Cc}/u.test(raw)) throw new BadRequest('parameter "q" contains control characters');
  return raw;
}

function notFound(reply: FastifyReply, id: string) {
  return reply.code(404).send({ error: `no node with id "${id}"` });
}

// The viewer loads only its own files; the layout worker runs from a blob URL; data is never inserted as HTML.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Names a request to the server may give in its Host header: loopback's, the bound host's, and when bound to every
 * interface (0.0.0.0, ::), the addresses and name of the machine (`machine`, read by the caller). */
export function serverHostNames(bound: string, machine: string[] = []): string[] {
  const every = bound === '0.0.0.0' || bound === '::';
  const names = ['127.0.0.1', 'localhost', '::1', bound, ...(every ? machine : [])];
  return [...new Set(names.map((n) => n.toLowerCase().replace(/^\[(.*)\]$/, '$1')))];
}

/**
 * Whether a Host header names this server: one of `names` (IPv6 in brackets) and, when the port is known, the port
 * the server listens on (none given means 80). A page of another site whose name was re-pointed at 127.0.0.1 (DNS
 * rebinding) sends its own name, and is refused.
 */
export function hostAllowed(header: string | undefined, names: readonly string[], port: number | null): boolean {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(header?.trim().toLowerCase() ?? '');
  if (!m) return false;
  const name = m[1] ?? m[2] ?? '';
  return names.includes(name) && (port === null || Number(m[3] ?? 80) === port);
}

export interface AppOptions {
  backend: GraphBackend;
  /** The built viewer (viewer/dist); without it only the API is served. */
  staticDir?: string;
  logger?: boolean;
  /** Host names requests must give (serverHostNames); without them, any Host is answered (tests through inject). */
  hostNames?: readonly string[];
  /** The named queries (default cypher/queries; tests give their own). */
  queriesDir?: string;
}

export async function buildApp({
  backend,
  staticDir,
  logger = false,
  hostNames,
  queriesDir,
}: AppOptions): Promise<FastifyInstance> {
  // Path parameters (/api/article/:id) arrive percent-encoded: up to 9 characters for one of an id's (a Han character).
  const app = Fastify({ logger, routerOptions: { maxParamLength: 9 * LIMITS.idLength.max } });

  if (hostNames) {
    app.addHook('onRequest', async (req, reply) => {
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : null;
      if (hostAllowed(req.headers.host, hostNames, port)) return;
      const withPort = (n: string) => `${n.includes(':') ? `[${n}]` : n}${port === null ? '' : `:${port}`}`;
      const shown = hostNames.map(withPort).join(', ');
      const given = String(req.headers.host ?? '').slice(0, 100);
      return reply.code(403).send({ error: `Host "${given}" is not this server (it answers to ${shown})` });
    });
  }

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Content-Security-Policy', CSP);
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });

  app.setErrorHandler((e, req, reply) => {
    const err = e instanceof Error ? e : new Error(String(e));
    if (err instanceof BadRequest) return reply.code(400).send({ error: err.message });
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return reply.code(status).send({ error: err.message });
    req.log.error(err);
    return reply.code(500).send({ error: `internal error: ${err.message}` });
  });

  // Only GET (and HEAD) exist, and POST /api/queries/:name, which runs a named query in a read transaction: the API
  // has nothing that writes.
  app.get('/api/stats', async () => backend.stats());

  app.get('/api/search', async (req) => {
    const q = req.query as Query;
    return backend.search(searchQuery(q), { limit: intParam(q, 'limit', LIMITS.searchLimit), types: typesParam(q) });
  });

  app.get('/api/node', async (req, reply) => {
    const q = req.query as Query;
    const id = checkId(one(q, 'id'));
    const details = await backend.node(id, { relationLimit: intParam(q, 'relations', LIMITS.relations) });
    return details ?? notFound(reply, id);
  });

  app.get('/api/neighbors', async (req, reply) => {
    const q = req.query as Query;
    const id = checkId(one(q, 'id'));
    const payload = await backend.neighbors(id, { limit: intParam(q, 'limit', LIMITS.neighbors) });
    return payload ?? notFound(reply, id);
  });

  app.get('/api/subgraph', async (req) => {
    const q = req.query as Query;
    const raw = q.id;
    const ids = raw === undefined ? undefined : (Array.isArray(raw) ? raw : [raw]).map((v) => checkId(v));
    if (ids && ids.length > LIMITS.subgraphIds.max)
      throw new BadRequest(`at most ${LIMITS.subgraphIds.max} "id" parameters`);
    return backend.subgraph({ ids, limit: intParam(q, 'limit', LIMITS.subgraph) });
  });

  registerRelationRoutes(app, backend);
  registerQueryRoutes(app, backend, queriesDir);
  registerArticleRoutes(app, backend);

  app.all('/api/*', async (req, reply) =>
    reply.code(404).send({ error: `no API route ${req.method} ${req.url.split('?')[0]}` }),
  );

  if (staticDir) await app.register(fastifyStatic, { root: staticDir, index: 'index.html' });
  return app;
}

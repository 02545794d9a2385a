// The viewer's client for the server's JSON API. The response types are the server's own (type-only import).
import type { ArticleDetails, GraphPayload, GraphStats, NodeDetails, SearchHit } from '../../src/server/backend.ts';
import type { QueryAnswer, QueryListing } from '../../src/server/queries.ts';
import type { RelationRow } from '../../src/server/relations.ts';

export type {
  ArticleDetails,
  GraphPayload,
  GraphStats,
  NodeDetails,
  RelationView,
  SearchHit,
} from '../../src/server/backend.ts';
export type { QueryAnswer, QueryListing } from '../../src/server/queries.ts';
export type { RelationRow } from '../../src/server/relations.ts';

/** Ids per /api/relations request: node ids are long in a URL (Chinese names percent-encoded), servers cap its size. */
const RELATION_BATCH = 40;

/** Most node ids per /api/subgraph request (the server's LIMITS.subgraphIds is higher; a URL holds only so many). */
const SUBGRAPH_BATCH = 100;

async function getJson<T>(path: string, params: Array<[string, string]> = [], signal?: AbortSignal): Promise<T> {
  const query = new URLSearchParams(params).toString();
  return answer<T>(path, await fetch(`api/${path}${query ? `?${query}` : ''}`, signal ? { signal } : {}));
}

async function postJson<T>(path: string, payload: unknown): Promise<T> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) };
  return answer<T>(path, await fetch(`api/${path}`, init));
}

/** The JSON of a response, or an error with the server's message. */
async function answer<T>(path: string, res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as ({ error?: string } & T) | null;
  if (!res.ok) throw new Error(body?.error ?? `${path}: HTTP ${res.status}`);
  return body as T;
}

export const api = {
  stats: () => getJson<GraphStats>('stats'),
  overview: (limit?: number) => getJson<GraphPayload>('subgraph', limit ? [['limit', String(limit)]] : []),
  search: (q: string, signal?: AbortSignal) =>
    getJson<SearchHit[]>(
      'search',
      [
        ['q', q],
        ['limit', '12'],
      ],
      signal,
    ),
  node: (id: string) => getJson<NodeDetails>('node', [['id', id]]),
  article: (id: string) => getJson<ArticleDetails>(`article/${encodeURIComponent(id)}`),
  neighbors: (id: string) => getJson<GraphPayload>('neighbors', [['id', id]]),
  /** The given nodes and the edges among each batch of them. */
  async nodes(ids: readonly string[]): Promise<GraphPayload[]> {
    const payloads: GraphPayload[] = [];
    for (let i = 0; i < ids.length; i += SUBGRAPH_BATCH) {
      const batch = ids.slice(i, i + SUBGRAPH_BATCH).map((id): [string, string] => ['id', id]);
      payloads.push(await getJson<GraphPayload>('subgraph', batch));
    }
    return payloads;
  },
  queries: () => getJson<QueryListing[]>('queries'),
  runQuery: (name: string, params: Record<string, string>) =>
    postJson<QueryAnswer>(`queries/${encodeURIComponent(name)}`, params),
  /** The outgoing relations of the given nodes, with evidence, article and rule, asked for in batches. */
  async relations(ids: readonly string[], signal?: AbortSignal): Promise<RelationRow[]> {
    const rows: RelationRow[] = [];
    for (let i = 0; i < ids.length; i += RELATION_BATCH) {
      const batch = ids.slice(i, i + RELATION_BATCH).map((id): [string, string] => ['id', id]);
      rows.push(...(await getJson<RelationRow[]>('relations', batch, signal)));
    }
    return rows;
  },
};

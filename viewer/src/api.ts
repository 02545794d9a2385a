// The viewer's client for the server's JSON API. The response types are the server's own (type-only import).
import type { GraphPayload, GraphStats, NodeDetails, SearchHit } from '../../src/server/backend.ts';

export type { GraphPayload, GraphStats, NodeDetails, RelationView, SearchHit } from '../../src/server/backend.ts';

async function getJson<T>(path: string, params: Array<[string, string]> = [], signal?: AbortSignal): Promise<T> {
  const query = new URLSearchParams(params).toString();
  const res = await fetch(`api/${path}${query ? `?${query}` : ''}`, signal ? { signal } : {});
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
  neighbors: (id: string) => getJson<GraphPayload>('neighbors', [['id', id]]),
};

// The viewer's API against the seeds graph (graph.json in memory), through fastify's inject: no port, real routes.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, hostAllowed, serverHostNames } from '../../src/server/app.ts';
import { getWithHost, listenLocal } from '../fixtures/http.ts';
import type { ArticleDetails, GraphPayload, NodeDetails, SearchHit } from '../../src/server/backend.ts';
import { Article } from '../../src/schema.ts';
import { matchRank, normalizeQuery } from '../../src/server/backend.ts';
import { openGraphFile } from '../../src/server/graph-file.ts';
import { writeSeedsGraph } from '../e2e/seeds-graph.ts';

const HAIYUN = 'Project:海韵能源高端锂电池负极材料项目';
let app: FastifyInstance;
let dir: string;

async function get<T>(url: string): Promise<{ status: number; body: T }> {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as T };
}
const q = encodeURIComponent;

beforeAll(async () => {
  dir = writeSeedsGraph();
  app = await buildApp({ backend: await openGraphFile(dir) });
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('search', () => {
  it('finds a project by a Chinese substring of its name', async () => {
    const { status, body } = await get<SearchHit[]>(`/api/search?q=${q('海韵')}`);
    expect(status).toBe(200);
    expect(body[0]?.id).toBe(HAIYUN);
  });

  it('matches substrings of aliases, not space-separated tokens, and ignores spaces in the query', async () => {
    const { body } = await get<SearchHit[]>(`/api/search?q=${q('东阿')}&limit=20`);
    const ids = body.map((h) => h.id);
    expect(ids[0]).toBe('County:东阿县'); // the alias 东阿 is an exact match, so it ranks first
    expect(ids).toContain('Project:东阿阿胶特色小镇');
    const spaced = await get<SearchHit[]>(`/api/search?q=${q('海 韵')}`);
    expect(spaced.body[0]?.id).toBe(HAIYUN);
  });

  it('filters by type and respects the limit', async () => {
    const { body } = await get<SearchHit[]>(`/api/search?q=${q('局')}&types=Agency&limit=3`);
    expect(body).toHaveLength(3);
    expect(body.every((h) => h.type === 'Agency')).toBe(true);
  });

  it('finds an article by its title', async () => {
    const { body } = await get<SearchHit[]>(`/api/search?q=${q('千帆竞发')}`);
    expect(body[0]?.type).toBe('Article');
  });

  it('returns nothing for a string that is in no name', async () => {
    const { status, body } = await get<SearchHit[]>(`/api/search?q=${q('不存在的名字')}`);
    expect(status).toBe(200);
    expect(body).toEqual([]);
  });
});

describe('node details', () => {
  it('gives properties, relations, and for each relation its article and evidence', async () => {
    const { status, body } = await get<NodeDetails>(`/api/node?id=${q(HAIYUN)}`);
    expect(status).toBe(200);
    expect(body.type).toBe('Project');
    expect(body.attributes.investment_yuan).toBe(2_340_000_000);
    const located = body.relations.find((r) => r.type === 'LOCATED_IN');
    expect(located?.direction).toBe('out');
    expect(located?.other.id).toBe('County:东阿县');
    expect(located?.article?.title).toBeTruthy();
    expect(located?.evidence.length).toBeGreaterThan(0);
    expect(body.relationCount).toBe(body.relations.length);
  });

  it('lists named relations before the bulk MENTIONS, and caps the list', async () => {
    const { body } = await get<NodeDetails>(`/api/node?id=${q('City:聊城市')}&relations=5`);
    expect(body.relations).toHaveLength(5);
    expect(body.relationCount).toBeGreaterThan(5);
    const firstBulk = body.relations.findIndex((r) => r.type === 'MENTIONS');
    const lastNamed = body.relations.map((r) => r.type !== 'MENTIONS' && r.type !== 'REPORTED').lastIndexOf(true);
    if (firstBulk >= 0) expect(lastNamed).toBeLessThan(firstBulk);
  });

  it('answers 404 with a message for an id that names no node', async () => {
    const { status, body } = await get<{ error: string }>(`/api/node?id=${q('Project:没有这个项目')}`);
    expect(status).toBe(404);
    expect(body.error).toContain('没有这个项目');
  });
});

describe('graph parts', () => {
  it('gives the first view as a graphology export whose edges join nodes it holds', async () => {
    const { body } = await get<GraphPayload>('/api/subgraph');
    const stats = await get<{ nodes: number; edges: number }>('/api/stats');
    expect(body.nodes.length).toBe(stats.body.nodes);
    expect(body.edges.length).toBe(stats.body.edges);
    expect(body.truncated).toBe(false);
    const keys = new Set(body.nodes.map((n) => n.key));
    expect(keys.has(HAIYUN)).toBe(true);
    expect(body.edges.length).toBeGreaterThan(0);
    for (const e of body.edges) expect(keys.has(e.source) && keys.has(e.target)).toBe(true);
    // The drawn graph does not carry evidence text; the details call does.
    expect(body.edges.some((e) => 'evidence' in e.attributes)).toBe(false);
  });

  it('keeps the most connected nodes when the first view is limited', async () => {
    const { body } = await get<GraphPayload>('/api/subgraph?limit=10');
    expect(body.nodes).toHaveLength(10);
    expect(body.truncated).toBe(true);
    expect(body.nodes.map((n) => n.key)).toContain('City:聊城市');
  });

  it('gives the subgraph among given ids, skipping unknown ones', async () => {
    const { body } = await get<GraphPayload>(
      `/api/subgraph?id=${q(HAIYUN)}&id=${q('County:东阿县')}&id=${q('Town:无此镇')}`,
    );
    expect(body.nodes.map((n) => n.key).sort()).toEqual(['County:东阿县', HAIYUN].sort());
    expect(body.edges.map((e) => e.attributes.type)).toContain('LOCATED_IN');
  });

  it('gives a node with its neighbours', async () => {
    const { body } = await get<GraphPayload>(`/api/neighbors?id=${q('County:东阿县')}`);
    const keys = body.nodes.map((n) => n.key);
    expect(keys).toContain('County:东阿县');
    expect(keys).toContain(HAIYUN);
    expect(
      body.edges.every((e) => e.source === 'County:东阿县' || e.target === 'County:东阿县' || keys.includes(e.source)),
    ).toBe(true);
  });
});

describe('article', () => {
  it("returns an article's headline, date, page file and body, as articles.jsonl has them", async () => {
    const articles = readFileSync(join(dir, 'articles.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => Article.parse(JSON.parse(l)));
    expect(articles.length).toBeGreaterThan(5);
    for (const a of articles) {
      const { status, body } = await get<ArticleDetails>(`/api/article/${q(a.id)}`);
      expect(status).toBe(200);
      const { id, title, kicker, subtitle, date, file } = a;
      expect(body).toEqual({ id, title, kicker, subtitle, date, file, body: a.body });
    }
  });

  it('is 404 for an unknown id and 400 for a bad one', async () => {
    const unknown = await get<{ error: string }>(`/api/article/${q('nope#1')}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toContain('nope#1');
    for (const bad of [q(' '), q('a\u0001b'), 'x'.repeat(501)]) {
      const r = await get<{ error: string }>(`/api/article/${bad}`);
      expect(r.status, bad).toBe(400);
      expect(r.body.error).toMatch(/article id/);
    }
  });
});

describe('bad requests are 400 with a message, never 500', () => {
  const cases: Array<[string, string]> = [
    ['/api/search', '"q" is required'],
    [`/api/search?q=${'长'.repeat(101)}`, 'longer than'],
    [`/api/search?q=${q('东阿')}&limit=abc`, 'whole number'],
    [`/api/search?q=${q('东阿')}&limit=0`, 'between 1 and'],
    [`/api/search?q=${q('东阿')}&limit=100000`, 'between 1 and'],
    [`/api/search?q=${q('东阿')}&types=Planet`, 'unknown type'],
    [`/api/search?q=a&q=b`, 'more than once'],
    ['/api/node', '"id" is required'],
    [`/api/node?id=${q('海韵')}`, '<Type>:<name>'],
    [`/api/node?id=${q('Project:')}`, '<Type>:<name>'],
    [`/api/node?id=${q("Project:x' OR 1=1 //")}&relations=-1`, 'whole number'],
    [`/api/node?id=${q('Project:a\u0000b')}`, 'control characters'],
    [`/api/node?id=${q(`Project:${'x'.repeat(600)}`)}`, 'longer than'],
    [`/api/neighbors?id=${q('County:东阿县')}&limit=1.5`, 'whole number'],
    [`/api/subgraph?id=${q('nope')}`, '<Type>:<name>'],
  ];
  for (const [url, message] of cases) {
    it(decodeURIComponent(url).slice(0, 80), async () => {
      const { status, body } = await get<{ error: string }>(url);
      expect(status).toBe(400);
      expect(body.error).toContain(message);
    });
  }

  it('has no route that writes', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/node', payload: {} });
    expect(res.statusCode).toBe(404);
  });
});

describe('opening graph.json', () => {
  it('names the file when it is missing', async () => {
    await expect(openGraphFile('/nonexistent-kg-dir')).rejects.toThrow('/nonexistent-kg-dir/graph.json: not found');
  });
});

describe('match ranking', () => {
  it('ranks exact name, exact alias, prefix, then substring', () => {
    const rank = (query: string, name: string, aliases: string[] = []) =>
      matchRank(normalizeQuery(query), name, aliases)?.rank ?? -1;
    expect(rank('东阿县', '东阿县')).toBeLessThan(rank('东阿', '东阿县', ['东阿']) + 1);
    expect(rank('东阿', 'x', ['东阿'])).toBeLessThan(rank('东阿', '东阿县'));
    expect(rank('东阿', '东阿县')).toBeLessThan(rank('东阿', '山东东阿县'));
    expect(rank('阿胶', '东阿县')).toBe(-1);
  });
});

describe('Host header (DNS rebinding)', () => {
  it('accepts only the names of the bound host and loopback, with the port listened on', () => {
    const names = serverHostNames('127.0.0.1');
    for (const ok of ['127.0.0.1:5173', 'localhost:5173', 'LOCALHOST:5173', '[::1]:5173'])
      expect(hostAllowed(ok, names, 5173), ok).toBe(true);
    for (const bad of [
      'evil.example',
      'evil.example:5173',
      'localhost:80',
      'localhost',
      '127.0.0.1:5174',
      '127.0.0.1.evil.example:5173',
      '',
      undefined,
    ]) {
      expect(hostAllowed(bad, names, 5173), String(bad)).toBe(false);
    }
    expect(hostAllowed('kg.lan:8080', serverHostNames('kg.lan'), 8080)).toBe(true);
    expect(hostAllowed('192.168.1.5:80', serverHostNames('0.0.0.0', ['192.168.1.5']), 80)).toBe(true);
    expect(hostAllowed('192.168.1.5:80', serverHostNames('127.0.0.1', ['192.168.1.5']), 80)).toBe(false);
  });

  it('refuses a request naming another host with 403, over graph.json on a real port', async () => {
    const served = await buildApp({ backend: await openGraphFile(dir), hostNames: serverHostNames('127.0.0.1') });
    try {
      const port = await listenLocal(served);
      const evil = await getWithHost(port, 'evil.example', '/api/stats');
      expect(evil.status).toBe(403);
      expect(JSON.parse(evil.body).error).toContain('Host "evil.example" is not this server');
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`])
        expect((await getWithHost(port, host, '/api/stats')).status, host).toBe(200);
    } finally {
      await served.close();
    }
  });
});

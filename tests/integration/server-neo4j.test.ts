// The viewer's API over a real Neo4j (loaded from the real extractor output of the seeds) answers as the API over
// graph.json does for the same data: the two backends are one interface, and the viewer cannot tell them apart.
import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Neo4jConnection } from '../../src/neo4j/driver.ts';
import { loadRecords } from '../../src/neo4j/load.ts';
import { buildApp, LIMITS, serverHostNames } from '../../src/server/app.ts';
import { getWithHost, listenLocal } from '../fixtures/http.ts';
import type {
  ArticleDetails,
  GraphPayload,
  GraphStats,
  NodeDetails,
  RelationView,
  SearchHit,
} from '../../src/server/backend.ts';
import { graphBackend, openGraphFile } from '../../src/server/graph-file.ts';
import { recordsGraph } from '../../src/graph/export.ts';
import type { Article, Entity, Relation } from '../../src/schema.ts';
import type { Records } from '../fixtures/gold-records.ts';
import { openNeo4j } from '../../src/server/neo4j.ts';
import {
  cypher,
  extractSeeds,
  openTestConnection,
  testSettings,
  wipeDatabase,
  writeRecordsDir,
} from './neo4j-helpers.ts';

const HAIYUN = 'Project:海韵能源高端锂电池负极材料项目';
let conn: Neo4jConnection;
let seedsDir: string;
let neo: FastifyInstance;
let file: FastifyInstance;

async function both<T>(url: string): Promise<{ neo: T; file: T; status: [number, number] }> {
  const [a, b] = await Promise.all([neo.inject({ url }), file.inject({ url })]);
  return { neo: a.json() as T, file: b.json() as T, status: [a.statusCode, b.statusCode] };
}
const q = encodeURIComponent;
/** A relation as the reader sees it, without the store's own edge id. */
const reading = (r: RelationView) => ({ ...r, id: undefined });
const sortedKeys = (p: GraphPayload) => p.nodes.map((n) => n.key).sort();
const edgeTriples = (p: GraphPayload) => p.edges.map((e) => `${e.source} ${e.attributes.type} ${e.target}`).sort();

beforeAll(async () => {
  conn = await openTestConnection();
  seedsDir = extractSeeds();
  await wipeDatabase(conn);
  await loadRecords(conn, seedsDir);
  neo = await buildApp({ backend: openNeo4j(testSettings()) });
  file = await buildApp({ backend: await openGraphFile(seedsDir) });
});

afterAll(async () => {
  await neo?.close();
  await file?.close();
  await conn?.driver.close();
  if (seedsDir) rmSync(seedsDir, { recursive: true, force: true });
});

describe('API over Neo4j = API over graph.json', () => {
  it('returns the same articles, body included, and 404 for an unknown one', async () => {
    for (const id of ['000_1d8b0c37187465ce#1', '003_ed6e154ad0e1db3a#2']) {
      const r = await both<ArticleDetails>(`/api/article/${q(id)}`);
      expect(r.status).toEqual([200, 200]);
      expect(r.neo.body?.length).toBeGreaterThan(50);
      expect(r.neo).toEqual(r.file);
    }
    expect((await both(`/api/article/${q('nope#1')}`)).status).toEqual([404, 404]);
  });

  it('counts the same nodes and edges by type', async () => {
    const r = await both<GraphStats>('/api/stats');
    expect(r.neo.nodes).toBeGreaterThan(100);
    expect({ ...r.neo, source: '' }).toEqual({ ...r.file, source: '' });
  });

  it('finds the same nodes for Chinese substrings, in the same order', async () => {
    for (const term of ['海韵', '东阿', '局', '千帆竞发']) {
      const r = await both<SearchHit[]>(`/api/search?q=${q(term)}&limit=20`);
      expect(
        r.neo.map((h) => h.id),
        term,
      ).toEqual(r.file.map((h) => h.id));
    }
    const hits = await both<SearchHit[]>(`/api/search?q=${q('海韵')}`);
    expect(hits.neo[0]?.id).toBe(HAIYUN);
  });

  it('gives a project its investment, relations, articles and evidence', async () => {
    const r = await both<NodeDetails>(`/api/node?id=${q(HAIYUN)}`);
    expect(r.status).toEqual([200, 200]);
    expect(r.neo.attributes.investment_yuan).toBe(2_340_000_000);
    expect(r.neo.relations.length).toBeGreaterThan(0);
    expect(r.neo.relations.map(reading)).toEqual(r.file.relations.map(reading));
    const located = r.neo.relations.find((x) => x.type === 'LOCATED_IN');
    expect(located?.evidence).toContain('海韵');
    expect(located?.article?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives an article node its title and relations', async () => {
    const [hit] = (await both<SearchHit[]>(`/api/search?q=${q('千帆竞发')}&types=Article`)).neo;
    const r = await both<NodeDetails>(`/api/node?id=${q(hit!.id)}&relations=500`);
    expect(r.neo.label).toBe(r.file.label);
    expect(r.neo.relationCount).toBe(r.file.relationCount);
    expect(r.neo.relations.map(reading)).toEqual(r.file.relations.map(reading));
  });

  it('gives the same neighbourhood and the same induced subgraph', async () => {
    const n = await both<GraphPayload>(`/api/neighbors?id=${q('County:东阿县')}`);
    expect(sortedKeys(n.neo)).toEqual(sortedKeys(n.file));
    expect(edgeTriples(n.neo)).toEqual(edgeTriples(n.file));
    const ids = [HAIYUN, 'County:东阿县', 'City:聊城市'].map((id) => `id=${q(id)}`).join('&');
    const s = await both<GraphPayload>(`/api/subgraph?${ids}`);
    expect(sortedKeys(s.neo)).toEqual(sortedKeys(s.file));
    expect(edgeTriples(s.neo)).toEqual(edgeTriples(s.file));
  });

  it('gives the same subgraph for the most ids a request may name, and a 400 for one more', async () => {
    const keys = sortedKeys((await both<GraphPayload>('/api/subgraph')).file);
    const ids = Array.from({ length: LIMITS.subgraphIds.max }, (_, i) => keys[i % keys.length]!);
    const s = await both<GraphPayload>(`/api/subgraph?${ids.map((id) => `id=${q(id)}`).join('&')}`);
    expect(s.status).toEqual([200, 200]);
    expect(sortedKeys(s.neo)).toEqual(sortedKeys(s.file));
    expect(edgeTriples(s.neo)).toEqual(edgeTriples(s.file));
    expect(s.neo.edges.length).toBeGreaterThan(100);
    const over = await both<{ error: string }>(
      `/api/subgraph?${[...ids, keys[0]!].map((id) => `id=${q(id)}`).join('&')}`,
    );
    expect(over.status).toEqual([400, 400]);
    expect(over.neo.error).toBe(`at most ${LIMITS.subgraphIds.max} "id" parameters`);
  });

  it('gives the whole graph as the first view, and a limited one flagged as truncated', async () => {
    const all = await both<GraphPayload>('/api/subgraph');
    expect(sortedKeys(all.neo)).toEqual(sortedKeys(all.file));
    expect(edgeTriples(all.neo)).toEqual(edgeTriples(all.file));
    const some = await both<GraphPayload>('/api/subgraph?limit=10');
    expect(some.neo.nodes).toHaveLength(10);
    expect(some.neo.truncated).toBe(true);
  });

  it('bounds the edges of a payload whatever the node limit, flagged as truncated, over both stores', async () => {
    const maxEdges = 5;
    const small = [
      await buildApp({ backend: openNeo4j(testSettings(), { maxEdges }) }),
      await buildApp({ backend: await openGraphFile(seedsDir, { maxEdges }) }),
    ];
    try {
      for (const app of small) {
        for (const url of ['/api/subgraph?limit=200000', `/api/neighbors?id=${q('County:东阿县')}`]) {
          const p = (await app.inject({ url })).json() as GraphPayload;
          expect(p.edges, url).toHaveLength(maxEdges);
          expect(p.truncated, url).toBe(true);
        }
      }
    } finally {
      await Promise.all(small.map((a) => a.close()));
    }
  });

  it('answers 404 for an unknown id and 400 for a malformed one, as over graph.json', async () => {
    expect((await both(`/api/node?id=${q('Project:没有这个项目')}`)).status).toEqual([404, 404]);
    expect((await both(`/api/neighbors?id=${q('Planet:x')}`)).status).toEqual([400, 400]);
  });

  it('refuses a request naming another host with 403 on a real port, and answers its own names', async () => {
    const served = await buildApp({ backend: openNeo4j(testSettings()), hostNames: serverHostNames('127.0.0.1') });
    try {
      const port = await listenLocal(served);
      expect((await getWithHost(port, 'evil.example', `/api/search?q=${q('海韵')}`)).status).toBe(403);
      expect((await getWithHost(port, `evil.example:${port}`, '/api/stats')).status).toBe(403);
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
        const ok = await getWithHost(port, host, `/api/search?q=${q('海韵')}`);
        expect(ok.status, host).toBe(200);
        expect((JSON.parse(ok.body) as SearchHit[])[0]?.id).toBe(HAIYUN);
      }
    } finally {
      await served.close();
    }
  });

  it('treats Cypher in a query as text and changes nothing', async () => {
    const before = await cypher(conn, 'MATCH (n) RETURN count(n) AS c');
    const evil = "海韵'}) DETACH DELETE n //";
    const r = await both<SearchHit[]>(`/api/search?q=${q(evil)}`);
    expect(r.status).toEqual([200, 200]);
    expect(r.neo).toEqual([]);
    expect((await both(`/api/node?id=${q(`Project:x'}) DETACH DELETE n //`)}`)).status).toEqual([404, 404]);
    expect(await cypher(conn, 'MATCH (n) RETURN count(n) AS c')).toEqual(before);
  });
});

/** `count` companies whose names hold `term` (after it: a prefix match, never an exact one), then `term` itself. */
function manyMatches(term: string, count: number): Records {
  const article: Article = {
    id: 'search#1',
    file: 'search.txt',
    index: 0,
    title: null,
    kicker: null,
    subtitle: null,
    date: null,
    reporters: [],
    body: 'x',
  };
  const names = [...Array.from({ length: count }, (_, i) => `${term}第${i}分公司`), term];
  const entities: Entity[] = names.map((name) => ({
    id: `Company:${name}`,
    type: 'Company',
    name,
    aliases: [],
    articles: [article.id],
    props: {},
  }));
  // The many are better connected than the exact one: degree must not rank them above it.
  const relations: Relation[] = entities.slice(0, -1).map((e, i) => ({
    type: 'MENTIONS',
    from: 'Article:search#1',
    to: e.id,
    article: article.id,
    evidence: e.name,
    start: i,
    end: i + 1,
    rule: 'test',
    props: {},
  }));
  return { articles: [article], entities, relations };
}

describe('search over more matches than the candidates it ranks', () => {
  it.each([['甲乙公司'], ['ABC']])(
    'ranks the exact name "%s" first among 600 names containing it, as graph.json does',
    async (term) => {
      const records = manyMatches(term, 600);
      await wipeDatabase(conn);
      await loadRecords(conn, writeRecordsDir(records, 'search'));
      const fileApp = await buildApp({
        backend: graphBackend(recordsGraph(records.articles, records.entities, records.relations), 'memory'),
      });
      try {
        const url = `/api/search?q=${q(term.toLowerCase())}&limit=20`;
        const hits = (await neo.inject({ url })).json() as SearchHit[];
        expect(hits[0]?.id).toBe(`Company:${term}`);
        expect(hits.map((h) => h.id)).toEqual(((await fileApp.inject({ url })).json() as SearchHit[]).map((h) => h.id));
      } finally {
        await fileApp.close();
      }
    },
  );
});

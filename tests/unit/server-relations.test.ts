// GET /api/relations over the seeds graph (graph.json in memory) through fastify's inject: the rows of the viewer's
// relation table, checked against the node details the same server gives; and the view edges' article and rule.
import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { GraphPayload, NodeDetails } from '../../src/server/backend.ts';
import { openGraphFile } from '../../src/server/graph-file.ts';
import type { RelationRow } from '../../src/server/relations.ts';
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

describe('/api/relations', () => {
  it('gives each outgoing relation of the nodes asked for, with evidence, article and rule', async () => {
    const ids = [HAIYUN, 'County:东阿县'];
    const { status, body } = await get<RelationRow[]>(`/api/relations?${ids.map((id) => `id=${q(id)}`).join('&')}`);
    expect(status).toBe(200);
    for (const id of ids) {
      const details = (await get<NodeDetails>(`/api/node?id=${q(id)}`)).body;
      const out = details.relations.filter((r) => r.direction === 'out');
      const mine = body.filter((r) => r.source.id === id);
      expect(mine.map((r) => [r.type, r.target.id, r.rule, r.evidence, r.article?.date])).toEqual(
        out.map((r) => [r.type, r.other.id, r.rule, r.evidence, r.article?.date]),
      );
    }
    const located = body.find((r) => r.source.id === HAIYUN && r.type === 'LOCATED_IN');
    expect(located?.rule).toMatch(/^located:/);
    expect(located?.evidence).toContain('东阿');
  });

  it('answers 400 naming the parameter for a missing or malformed id', async () => {
    const missing = await get<{ error: string }>('/api/relations');
    expect(missing.status).toBe(400);
    expect(missing.body.error).toContain('"id"');
    const bad = await get<{ error: string }>('/api/relations?id=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('<Type>:<name>');
  });

  it('skips ids that name no node', async () => {
    const { status, body } = await get<RelationRow[]>(`/api/relations?id=${q('Project:不存在的项目')}`);
    expect(status).toBe(200);
    expect(body).toEqual([]);
  });
});

describe('drawn edges', () => {
  it('carry their article and rule (for the date and rule filters) but not the evidence', async () => {
    const { body } = await get<GraphPayload>('/api/subgraph');
    expect(body.edges.length).toBeGreaterThan(0);
    for (const e of body.edges) {
      expect(typeof e.attributes.article).toBe('string');
      expect(typeof e.attributes.rule).toBe('string');
      expect('evidence' in e.attributes).toBe(false);
    }
  });
});

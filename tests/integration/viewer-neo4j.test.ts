// The workbench over a real Neo4j (loaded from the real extractor output of the seeds): /api/relations and the drawn
// edges' article and rule answer as over graph.json, and the viewer in Chromium filters the Neo4j-served graph by date
// and to the fact graph with the same counts as the viewer's own filter module computes from graph.json.
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Neo4jConnection } from '../../src/neo4j/driver.ts';
import { loadRecords } from '../../src/neo4j/load.ts';
import type { GraphPayload } from '../../src/server/backend.ts';
import { openGraphFile } from '../../src/server/graph-file.ts';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { outgoingRelations, type RelationRow } from '../../src/server/relations.ts';
import { NO_FILTERS, visibleParts, type Filters } from '../../viewer/src/filters.ts';
import { createGraph, mergePayload } from '../../viewer/src/graph.ts';
import { launchChromium } from '../e2e/chromium.ts';
import { extractSeeds, openTestConnection, testSettings, wipeDatabase } from './neo4j-helpers.ts';

let conn: Neo4jConnection;
let seedsDir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  conn = await openTestConnection();
  seedsDir = extractSeeds();
  await wipeDatabase(conn);
  await loadRecords(conn, seedsDir);
  server = await startServer({ neo4j: testSettings(), port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await conn?.driver.close();
  if (seedsDir) rmSync(seedsDir, { recursive: true, force: true });
});

/**
 * A row as the reader sees it, without the store's own edge id and the ends' labels: an article without a title is
 * labelled by its id over Neo4j but by its opening words in graph.json (src/server/neo4j.ts, left as it is here).
 */
const reading = (r: RelationRow) =>
  JSON.stringify({
    ...r,
    id: undefined,
    source: { ...r.source, label: undefined },
    target: { ...r.target, label: undefined },
  });

describe('the workbench over Neo4j', () => {
  it('gives the same relation rows and the same edge article and rule as graph.json', async () => {
    const file = await openGraphFile(seedsDir);
    const ids = (await file.subgraph({ limit: 1000 })).nodes.map((n) => n.key);
    const [neo, json] = await Promise.all([outgoingRelations(server.backend, ids), outgoingRelations(file, ids)]);
    expect(neo.length).toBeGreaterThan(100);
    expect(neo.map(reading).sort()).toEqual(json.map(reading).sort());
    const provenance = (p: GraphPayload) =>
      p.edges
        .map((e) => `${e.source} ${e.attributes.type} ${e.target} ${e.attributes.article} ${e.attributes.rule}`)
        .sort();
    const [pn, pf] = await Promise.all([server.backend.subgraph({ limit: 1000 }), file.subgraph({ limit: 1000 })]);
    expect(provenance(pn)).toEqual(provenance(pf));
  });

  it('filters the Neo4j-served graph in Chromium by date and to the fact graph', async () => {
    const file = await openGraphFile(seedsDir);
    const graph = createGraph();
    mergePayload(graph, await file.subgraph({ limit: 1000 }));
    const expected = (f: Partial<Filters>) => {
      const v = visibleParts(graph, { ...NO_FILTERS, ...f });
      return `${v.nodes.size} / ${graph.order} 节点 · ${v.edges.size} / ${graph.size} 关系`;
    };
    const errors: string[] = [];
    for (const hash of ['#to=2023-08-04', '#facts=1', '#facts=1&to=2024-11-03']) {
      // A page each: going to another hash of the same page would not load it again.
      const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}${hash}`);
      await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30_000 });
      const f = { to: hash.match(/to=([\d-]+)/)?.[1] ?? null, factsOnly: hash.includes('facts=1') };
      await expect(page.locator('#status').textContent()).resolves.toBe(expected(f));
      await page.close();
    }
    expect(errors).toEqual([]);
  });
});

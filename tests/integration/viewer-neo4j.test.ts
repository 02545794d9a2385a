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
import { readQuery, runQuery } from '../../src/neo4j/query.ts';
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
  // rebuild: the test must see the viewer as it is in the source tree, not an old viewer/dist.
  server = await startServer({ neo4j: testSettings(), port: 0, rebuild: true });
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

  it('runs a question from the 问题 panel and shows its rows and its nodes in the graph', async () => {
    const example = readQuery('county_projects').params[0]?.example ?? '';
    const expected = await runQuery(conn, readQuery('county_projects'), { county: example });
    expect(expected.rows.length).toBeGreaterThan(0);
    const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30_000 });
    await page.click('#questions-toggle');
    await page.click('#questions-list button[data-name="county_projects"]');
    await expect(page.inputValue('#questions-form input[name="county"]')).resolves.toBe(example);
    // The county names an entity: typing part of a name suggests the names /api/search finds.
    await page.fill('#questions-form input[name="county"]', example.slice(0, 2));
    await page.waitForSelector('#names-county option', { state: 'attached' });
    const suggested = await page
      .locator('#names-county option')
      .evaluateAll((os) => os.map((o) => o.getAttribute('value')));
    expect(suggested).toContain(example);
    await page.fill('#questions-form input[name="county"]', example);
    await page.click('#questions-form button[type="submit"]');
    await page.waitForSelector('#questions-result:not([hidden]) #questions-table tbody tr');
    await expect(page.getAttribute('#questions-table', 'data-rows')).resolves.toBe(String(expected.rows.length));
    const projects = await page.locator('#questions-table tbody tr td:nth-child(2)').allTextContents();
    expect(projects.sort()).toEqual(expected.rows.map((r) => String(r.project)).sort());
    await page.click('#questions-show');
    await page.waitForSelector('#graph:not([data-spotlight="0"])[data-spotlight]');
    // The county and each of its projects are nodes of the graph.
    const spotlit = Number(await page.getAttribute('#graph', 'data-spotlight'));
    expect(spotlit).toBeGreaterThanOrEqual(expected.rows.length + 1);
    await page.close();
    expect(errors).toEqual([]);
  });
});

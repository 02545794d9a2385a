// The viewer in a real headless Chromium against a real `kg serve` over the seeds graph: it draws, searches Chinese
// substrings, shows a project's investment and evidence, hides types, keeps its view in the URL, lays out, exports.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import graphology from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraph, exportGraph } from '../../src/graph/build.ts';
import type { GraphPayload, NodeDetails } from '../../src/server/backend.ts';
import { startServer, type RunningServer } from '../../src/server/index.ts';
import { NO_FILTERS, visibleParts, type Filters } from '../../viewer/src/filters.ts';
import { createGraph, mergePayload } from '../../viewer/src/graph.ts';
import { NODE_TYPES, ruleZh } from '../../viewer/src/style.ts';
import { parseViewState } from '../../viewer/src/view-state.ts';
import { launchChromium } from './chromium.ts';
import { writeSeedsGraph } from './seeds-graph.ts';

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
/** The screenshots README shows, one per view (committed, so kept small). */
const DOC_SHOTS = join(import.meta.dirname, '../../docs/screenshots');
const HAIYUN = '海韵能源高端锂电池负极材料项目';
const HAIYUN_ID = `Project:${HAIYUN}`;

let server: RunningServer;
let browser: Browser;
let graphDir: string;
/** What the server holds, so that counts are checked against the data rather than written into the test. */
let stats: { nodes: number; edges: number };

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  mkdirSync(DOC_SHOTS, { recursive: true });
  graphDir = writeSeedsGraph();
  // rebuild: the test must see the viewer as it is in the source tree, not an old viewer/dist.
  server = await startServer({ graphDir, port: 0, rebuild: true });
  browser = await launchChromium();
  stats = await server.backend.stats();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (graphDir) rmSync(graphDir, { recursive: true, force: true });
});

async function openViewer(url = server.url, width = 1400): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30_000 });
  expect(errors).toEqual([]);
  return page;
}

interface Ink {
  width: number;
  height: number;
  /** Pixels that are not the white background. */
  inked: number;
  /** Pixels of each colour asked for (node centres are drawn in their exact type colour). */
  colors: Record<string, number>;
}

/** Decodes a PNG screenshot inside the page (a canvas is the PNG decoder at hand) and counts its pixels. */
async function ink(page: Page, png: Buffer, colors: Record<string, string>): Promise<Ink> {
  return page.evaluate(
    async ({ b64, colors }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, img.width, img.height).data;
      const targets = Object.entries(colors).map(
        ([name, hex]) =>
          [name, parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)] as const,
      );
      const counts: Record<string, number> = Object.fromEntries(targets.map(([n]) => [n, 0]));
      let inked = 0;
      for (let i = 0; i < d.length; i += 4) {
        const [r, g, b] = [d[i]!, d[i + 1]!, d[i + 2]!];
        if (r < 245 || g < 245 || b < 245) inked++;
        for (const [name, tr, tg, tb] of targets) {
          if (Math.abs(r - tr) <= 6 && Math.abs(g - tg) <= 6 && Math.abs(b - tb) <= 6) counts[name]!++;
        }
      }
      return { width: img.width, height: img.height, inked, colors: counts };
    },
    { b64: png.toString('base64'), colors },
  );
}

/** Fraction of pixels that differ between two screenshots of the same size. */
async function difference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ({ a, b }) => {
      const load = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        c.getContext('2d')!.drawImage(img, 0, 0);
        return c.getContext('2d')!.getImageData(0, 0, img.width, img.height).data;
      };
      const [da, db] = [await load(a), await load(b)];
      if (da.length !== db.length) return 1;
      let diff = 0;
      for (let i = 0; i < da.length; i += 4) {
        if (Math.abs(da[i]! - db[i]!) + Math.abs(da[i + 1]! - db[i + 1]!) + Math.abs(da[i + 2]! - db[i + 2]!) > 30)
          diff++;
      }
      return diff / (da.length / 4);
    },
    { a: a.toString('base64'), b: b.toString('base64') },
  );
}

/** The centre of the first 7×7 block of pixels of exactly `hex` in a screenshot, or null. */
async function solidSpot(page: Page, png: Buffer, hex: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    async ({ b64, hex }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, img.width, img.height).data;
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      const is = (x: number, y: number) => {
        const i = (y * img.width + x) * 4;
        return Math.abs(d[i]! - r!) <= 6 && Math.abs(d[i + 1]! - g!) <= 6 && Math.abs(d[i + 2]! - b!) <= 6;
      };
      for (let y = 3; y < img.height - 3; y++) {
        for (let x = 3; x < img.width - 3; x++) {
          let solid = true;
          for (let dy = -3; dy <= 3 && solid; dy++)
            for (let dx = -3; dx <= 3 && solid; dx++) solid = is(x + dx, y + dy);
          if (solid) return { x, y };
        }
      }
      return null;
    },
    { b64: png.toString('base64'), hex },
  );
}

const typeColors = Object.fromEntries(Object.entries(NODE_TYPES).map(([t, s]) => [t, s.color]));

async function searchAndPick(page: Page, query: string, label: string): Promise<void> {
  await page.fill('#search', query);
  await page.waitForSelector(`#suggestions[data-query="${query}"] li`);
  await page.locator('#suggestions li', { hasText: label }).first().dispatchEvent('mousedown');
}

describe('kg viewer in Chromium', () => {
  it('draws the seeds graph: the canvas is not blank and shows every type colour', async () => {
    const page = await openViewer();
    await page.waitForTimeout(300);
    const shot = await page.locator('#graph').screenshot();
    await page.screenshot({ path: join(SCREENSHOTS, 'overview.png') });
    const drawn = await ink(page, shot, typeColors);
    expect(drawn.inked / (drawn.width * drawn.height)).toBeGreaterThan(0.01);
    for (const type of ['Project', 'Company', 'County', 'Agency', 'Person', 'Article']) {
      expect(drawn.colors[type], `${type} nodes drawn`).toBeGreaterThan(20);
    }
    await expect(page.locator('#status').textContent()).resolves.toMatch(
      new RegExp(`^${stats.nodes} / ${stats.nodes} 节点`),
    );
    await page.close();
  });

  it('finds 东阿 by substring, opens 海韵… with its investment and the evidence behind each relation', async () => {
    const page = await openViewer();
    await page.fill('#search', '东阿');
    await page.waitForSelector('#suggestions[data-query="东阿"] li');
    const suggestions = await page.locator('#suggestions li').allTextContents();
    expect(suggestions[0]).toContain('东阿县');
    expect(suggestions.some((s) => s.includes('东阿阿胶特色小镇'))).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'search-dong-e.png') });

    await searchAndPick(page, '海韵', HAIYUN);
    await page.waitForSelector(`#panel[data-node="${HAIYUN_ID}"]`);
    await expect(page.locator('#panel h2').textContent()).resolves.toBe(HAIYUN);
    await expect(page.locator('#panel .props').textContent()).resolves.toContain('23.4亿元');

    // Each relation shows its article title and exactly the evidence the API has, names marked.
    const details = (await (
      await page.request.get(`${server.url}api/node?id=${encodeURIComponent(HAIYUN_ID)}`)
    ).json()) as NodeDetails;
    const items = page.locator('#panel li.relation');
    await expect(items.count()).resolves.toBe(details.relations.length);
    for (const [i, rel] of details.relations.entries()) {
      const item = items.nth(i);
      await expect(item.locator('.rel-head .link').textContent()).resolves.toBe(rel.other.label);
      await expect(item.locator('.article-title').textContent()).resolves.toBe(`《${rel.article?.title}》`);
      if (!rel.evidence) {
        await expect(item.locator('.evidence').count()).resolves.toBe(0);
        continue;
      }
      await expect(item.locator('.evidence').textContent()).resolves.toBe(rel.evidence);
      const names = [HAIYUN, ...details.aliases, rel.other.name, rel.other.label, ...rel.other.aliases];
      const marks = await item.locator('.evidence mark').allTextContents();
      for (const mark of marks) expect(names).toContain(mark);
      if (names.some((n) => rel.evidence.includes(n))) expect(marks.length).toBeGreaterThan(0);
      else expect(marks).toEqual([]);
    }
    await page.waitForTimeout(600); // the camera flies to the node
    await page.screenshot({ path: join(SCREENSHOTS, 'project-haiyun.png') });
    await page.close();
  });

  it('opens the article of an evidence sentence with the sentence marked, and goes back to the node', async () => {
    const page = await openViewer();
    await searchAndPick(page, '海韵', HAIYUN);
    await page.waitForSelector(`#panel[data-node="${HAIYUN_ID}"]`);
    const details = (await (
      await page.request.get(`${server.url}api/node?id=${encodeURIComponent(HAIYUN_ID)}`)
    ).json()) as NodeDetails;
    const i = details.relations.findIndex((r) => r.evidence && r.article && r.pageLine !== null);
    const rel = details.relations[i]!;
    await page.locator('#panel li.relation').nth(i).locator('.evidence-link').click();
    await page.waitForSelector(`#panel[data-article="${rel.article!.id}"]`);
    await expect(page.locator('#panel h2').textContent()).resolves.toBe(rel.article!.title);
    await expect(page.locator('#panel .article-body mark').allTextContents()).resolves.toEqual([rel.evidence]);
    const where = await page.locator('#panel .article-where').textContent();
    expect(where).toContain(rel.article!.file);
    expect(where).toContain(`第 ${rel.pageLine} 行`);
    await page.screenshot({ path: join(SCREENSHOTS, 'article-evidence.png') });
    await page.locator('#panel .close').click();
    await page.waitForSelector(`#panel[data-node="${HAIYUN_ID}"]`);
    await page.close();
  });

  it('hides a type from the legend, keeps the view in the URL, and a reload reproduces it', async () => {
    const page = await openViewer();
    await searchAndPick(page, '海韵', HAIYUN);
    await page.waitForSelector(`#panel[data-node="${HAIYUN_ID}"]`);
    await page.waitForTimeout(600);
    const before = await ink(page, await page.locator('#graph').screenshot(), typeColors);
    expect(before.colors.Person).toBeGreaterThan(0);

    await page.click('#legend button[data-type="Person"]');
    await expect(page.getAttribute('#legend button[data-type="Person"]', 'aria-pressed')).resolves.toBe('false');
    await page.waitForFunction(() => location.hash.includes('hide=Person'));
    await page.waitForTimeout(400);
    const hiddenShot = await page.locator('#graph').screenshot({ path: join(SCREENSHOTS, 'before-reload.png') });
    expect((await ink(page, hiddenShot, typeColors)).colors.Person, 'no Person node drawn').toBe(0);
    const url = page.url();
    const view = parseViewState(new URL(url).hash);
    expect(view).toMatchObject({ selected: HAIYUN_ID, filters: { hiddenTypes: ['Person'] } });
    expect(view.camera?.ratio).toBeLessThan(1);

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    await page.waitForSelector(`#panel[data-node="${HAIYUN_ID}"]`);
    await page.waitForTimeout(600);
    await expect(page.getAttribute('#legend button[data-type="Person"]', 'aria-pressed')).resolves.toBe('false');
    expect(page.url()).toBe(url);
    const reloadedShot = await page.locator('#graph').screenshot({ path: join(SCREENSHOTS, 'after-reload.png') });
    await page.screenshot({ path: join(SCREENSHOTS, 'reloaded-view.png') });
    expect(await difference(page, hiddenShot, reloadedShot), 'same picture after reload').toBeLessThan(0.005);
    await page.close();
  });

  it('loads a partial first view and grows it from the server by search and by expanding neighbours', async () => {
    const page = await openViewer(`${server.url}?limit=10`);
    await expect(page.locator('#status').textContent()).resolves.toMatch(new RegExp(`^10 / ${stats.nodes} 节点`));
    await searchAndPick(page, '海韵', HAIYUN);
    await page.waitForSelector(`#panel[data-node="${HAIYUN_ID}"]`);
    const grown = Number((await page.locator('#status').textContent())!.split(' ')[0]);
    expect(grown).toBeGreaterThan(10);
    await page.locator('#panel .link', { hasText: '东阿县' }).first().click();
    await page.waitForSelector('#panel[data-node="County:东阿县"]');
    await page.click('#panel .actions button');
    await page.waitForFunction((n) => Number(document.getElementById('status')!.textContent!.split(' ')[0]) > n, grown);
    await page.close();
  });

  it('greys out everything but the neighbourhood of a hovered node', async () => {
    const page = await openViewer();
    const box = (await page.locator('#graph').boundingBox())!;
    const shot = await page.locator('#graph').screenshot();
    const coloured = (i: Ink) => Object.values(i.colors).reduce((a, b) => a + b, 0);
    const before = await ink(page, shot, typeColors);
    // The interior of a County node (a 7×7 block of its exact colour): a place the pointer can rest on.
    const spot = await solidSpot(page, shot, NODE_TYPES.County!.color);
    expect(spot).not.toBeNull();
    await page.mouse.move(box.x + spot!.x, box.y + spot!.y);
    await page.waitForTimeout(300);
    const hovered = await ink(page, await page.locator('#graph').screenshot(), typeColors);
    await page.screenshot({ path: join(SCREENSHOTS, 'hover.png') });
    expect(coloured(hovered), 'nodes outside the neighbourhood greyed').toBeLessThan(coloured(before) / 2);
    expect(hovered.colors.County, 'the hovered node keeps its colour').toBeGreaterThan(20);
    await page.mouse.move(box.x + 2, box.y + 2);
    await page.waitForTimeout(300);
    const after = await ink(page, await page.locator('#graph').screenshot(), typeColors);
    expect(coloured(after)).toBeGreaterThan(coloured(before) * 0.9);
    await page.close();
  });

  it('runs ForceAtlas2 in a worker on demand and stops it', async () => {
    const page = await openViewer();
    const still = await page.locator('#graph').screenshot();
    await page.click('#layout');
    await expect(page.locator('#layout').textContent()).resolves.toBe('布局 ■');
    await page.waitForTimeout(1500);
    await page.click('#layout');
    await expect(page.locator('#layout').textContent()).resolves.toBe('布局 ▶');
    const moved = await page.locator('#graph').screenshot();
    expect(await difference(page, still, moved)).toBeGreaterThan(0.001);
    await page.close();
  });

  it('exports a PNG and a GEXF that graphology (as Gephi would) reads back', async () => {
    const page = await openViewer();
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    expect(png.suggestedFilename()).toBe('kg-graph.png');
    const pngBytes = await streamBytes(await png.createReadStream());
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    const pngInk = await ink(page, pngBytes, typeColors);
    expect(pngInk.inked / (pngInk.width * pngInk.height)).toBeGreaterThan(0.01);

    const [gexf] = await Promise.all([page.waitForEvent('download'), page.click('#export-gexf')]);
    const text = (await streamBytes(await gexf.createReadStream())).toString('utf8');
    const read = parseGexf(graphology.MultiDirectedGraph, text);
    expect(read.order).toBe(stats.nodes);
    expect(read.size).toBe(stats.edges);
    expect(read.getNodeAttribute(HAIYUN_ID, 'label')).toBe(HAIYUN);
    expect(read.getNodeAttribute(HAIYUN_ID, 'investment_yuan')).toBe(2_340_000_000);
    await page.close();
  });
});

/** The viewer's status line: visible nodes and relations. */
async function shownCounts(page: Page): Promise<{ nodes: number; edges: number }> {
  const text = (await page.locator('#status').textContent()) ?? '';
  const m = /^(\d+) \/ \d+ 节点 · (\d+) \/ \d+ 关系/.exec(text);
  if (!m) throw new Error(`status line not understood: "${text}"`);
  return { nodes: Number(m[1]), edges: Number(m[2]) };
}

/** What the filters should leave of the server's graph, computed in Node by the viewer's own pure modules. */
async function expectedCounts(filters: Partial<Filters>): Promise<{ nodes: number; edges: number }> {
  const payload = (await (await fetch(`${server.url}api/subgraph`)).json()) as GraphPayload;
  const graph = createGraph();
  mergePayload(graph, payload);
  const v = visibleParts(graph, { ...NO_FILTERS, ...filters });
  return { nodes: v.nodes.size, edges: v.edges.size };
}

async function setSlider(page: Page, value: number): Promise<void> {
  await page.locator('#date-slider').evaluate((input: HTMLInputElement, v) => {
    input.value = String(v);
    input.dispatchEvent(new Event('input'));
  }, value);
}

/** A small screenshot of the whole page for docs/screenshots (committed; README shows them). */
async function docShot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(DOC_SHOTS, `${name}.png`) });
}

describe('the researcher’s workbench in Chromium', () => {
  it('the date slider grows the graph date by date and keeps the date in the URL', async () => {
    const page = await openViewer(server.url, 1100);
    const dates = ((await (await fetch(`${server.url}api/subgraph`)).json()) as GraphPayload).nodes
      .filter((n) => n.attributes.type === 'Article' && typeof n.attributes.date === 'string')
      .map((n) => n.attributes.date as string);
    const steps = [...new Set(dates)].sort();
    expect(steps.length).toBeGreaterThan(2);
    await expect(page.getAttribute('#date-slider', 'max')).resolves.toBe(String(steps.length));
    const seen: number[] = [];
    for (const [i, date] of steps.entries()) {
      await setSlider(page, i);
      await page.waitForFunction((d) => location.hash.includes(`to=${d}`), date);
      const shown = await shownCounts(page);
      expect(shown).toEqual(await expectedCounts({ to: date }));
      seen.push(shown.nodes);
      if (i === 0) await docShot(page, 'date-slider');
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[0]).toBeLessThan(seen[seen.length - 1]!);
    await setSlider(page, steps.length);
    await page.waitForFunction(() => !location.hash.includes('to='));
    expect(await shownCounts(page)).toEqual({ nodes: stats.nodes, edges: stats.edges });
    await page.close();
  });

  it('filters by county, by type and by rule, each shown in the picture and kept in the URL', async () => {
    const page = await openViewer(server.url, 1100);
    const all = await ink(page, await page.locator('#graph').screenshot(), typeColors);
    await page.selectOption('#county', 'County:东阿县');
    await page.waitForFunction(() => location.hash.includes('county='));
    expect(await shownCounts(page)).toEqual(await expectedCounts({ county: 'County:东阿县' }));
    expect((await shownCounts(page)).nodes).toBeLessThan(stats.nodes);
    const county = await ink(page, await page.locator('#graph').screenshot(), typeColors);
    expect(county.colors.County, 'only 东阿县 among the counties').toBeLessThan(all.colors.County!);
    await docShot(page, 'county');

    await page.click('#legend button[data-type="Person"]');
    expect(await shownCounts(page)).toEqual(await expectedCounts({ county: 'County:东阿县', hiddenTypes: ['Person'] }));

    // The rule list is in words; unticking 文中提及 (mentions) drops the MENTIONS edges.
    await page.click('#rule-filter summary');
    const label = page.locator('#rule-filter label[data-value="mentions"]');
    await expect(label.textContent()).resolves.toBe('文中提及');
    await label.locator('input').uncheck();
    await page.waitForFunction(() => location.hash.includes('hiderule=mentions'));
    const expected = await expectedCounts({
      county: 'County:东阿县',
      hiddenTypes: ['Person'],
      hiddenRules: ['mentions'],
    });
    expect(await shownCounts(page)).toEqual(expected);

    const url = page.url();
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    expect(await shownCounts(page)).toEqual(expected);
    await expect(page.locator('#county').inputValue()).resolves.toBe('County:东阿县');
    expect(page.url()).toBe(url);
    await page.close();
  });

  it('facts only: no article drawn, no MENTIONS or REPORTED, laid out anew', async () => {
    const page = await openViewer(server.url, 1100);
    const before = await page.locator('#graph').screenshot();
    await page.check('#facts-only');
    await page.waitForFunction(() => location.hash.includes('facts=1'));
    expect(await shownCounts(page)).toEqual(await expectedCounts({ factsOnly: true }));
    await page.waitForTimeout(300);
    const after = await page.locator('#graph').screenshot();
    const drawn = await ink(page, after, typeColors);
    // Anti-aliased grey edges and labels can hit the Article grey here and there; a node is a solid disc of it.
    expect(await solidSpot(page, before, NODE_TYPES.Article.color), 'Article nodes before').not.toBeNull();
    expect(await solidSpot(page, after, NODE_TYPES.Article.color), 'no Article node drawn').toBeNull();
    expect(drawn.colors.Project).toBeGreaterThan(20);
    expect(await difference(page, before, after)).toBeGreaterThan(0.01);
    await docShot(page, 'facts-only');
    await page.close();
  });

  it('sizes nodes by PageRank on request', async () => {
    const page = await openViewer(server.url, 1100);
    const before = await page.locator('#graph').screenshot();
    await page.selectOption('#size-by', 'pagerank');
    await page.waitForFunction(() => location.hash.includes('size=pagerank'));
    await page.waitForTimeout(300);
    expect(await difference(page, before, await page.locator('#graph').screenshot())).toBeGreaterThan(0.002);
    await page.close();
  });

  it('shows each relation’s rule in words in the panel', async () => {
    const page = await openViewer();
    await searchAndPick(page, '海韵', HAIYUN);
    await page.waitForSelector(`#panel[data-node="${HAIYUN_ID}"]`);
    const details = (await (
      await page.request.get(`${server.url}api/node?id=${encodeURIComponent(HAIYUN_ID)}`)
    ).json()) as NodeDetails;
    const rules = page.locator('#panel li.relation .rel-rule');
    await expect(rules.count()).resolves.toBe(details.relations.length);
    for (const [i, rel] of details.relations.entries()) {
      await expect(rules.nth(i).locator('span').textContent()).resolves.toBe(ruleZh(rel.rule));
      await expect(rules.nth(i).getAttribute('title')).resolves.toBe(rel.rule ?? '');
    }
    expect(details.relations.some((r) => r.rule && ruleZh(r.rule) !== r.rule)).toBe(true);
    await docShot(page, 'panel-rules');
    await page.close();
  });

  it('tables the selection, sorts it, and saves CSV with a BOM holding the rows shown', async () => {
    const page = await openViewer(server.url, 1100);
    await page.click('#table-toggle');
    await page.waitForSelector('#table-drawer[data-kind="nodes"] tbody tr');
    await expect(page.getAttribute('#table', 'data-rows')).resolves.toBe(String(stats.nodes));
    // Sorting by 关系数 descending puts the best-connected node first.
    await page.click('#table th[data-key="degree"]');
    await page.click('#table th[data-key="degree"]');
    const degrees = (await page.locator('#table tbody tr td:nth-child(3)').allTextContents()).map(Number);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));

    await searchAndPick(page, '海韵', HAIYUN);
    await page.waitForSelector(`#panel[data-node="${HAIYUN_ID}"]`);
    await page.click('#table-relations');
    await page.waitForFunction(() => location.hash.includes('table=relations'));
    await page.waitForSelector('#table-drawer[data-kind="relations"] tbody tr');
    const details = (await (
      await page.request.get(`${server.url}api/node?id=${encodeURIComponent(HAIYUN_ID)}`)
    ).json()) as NodeDetails;
    // The selection's scope: 海韵… and its neighbours, so every relation of 海韵… is a row (and those among its neighbours).
    const rows = Number(await page.getAttribute('#table', 'data-rows'));
    expect(rows).toBeGreaterThanOrEqual(details.relationCount);
    const cells = await page.locator('#table tbody tr').allTextContents();
    for (const rel of details.relations.filter((r) => r.evidence)) {
      expect(
        cells.some((c) => c.includes(rel.evidence) && c.includes(ruleZh(rel.rule))),
        rel.evidence,
      ).toBe(true);
    }
    await docShot(page, 'table-relations');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    expect(csv.suggestedFilename()).toBe('kg-relations.csv');
    const bytes = await streamBytes(await csv.createReadStream());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('起点,关系,终点,属性,依据规则,日期,文章,证据句,规则ID');
    expect(lines.length - 1).toBe(rows);
    for (const rel of details.relations.filter((r) => r.evidence)) expect(text).toContain(rel.evidence);

    // GEXF of the selection: the same nodes as the table's scope.
    const [gexf] = await Promise.all([page.waitForEvent('download'), page.click('#export-gexf')]);
    expect(gexf.suggestedFilename()).toBe('kg-selection.gexf');
    const read = parseGexf(
      graphology.MultiDirectedGraph,
      (await streamBytes(await gexf.createReadStream())).toString('utf8'),
    );
    expect(read.order).toBe(new Set([HAIYUN_ID, ...details.relations.map((r) => r.other.id)]).size);
    await page.close();
  });
});

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

describe('kg viewer safety', () => {
  it('says in the 问题 panel that questions need Neo4j, and how to start it, when it serves graph.json', async () => {
    const page = await openViewer();
    await page.click('#questions-toggle');
    await page.waitForSelector('#questions-note.error');
    const note = await page.textContent('#questions-note');
    expect(note).toMatch(/need Neo4j.*npm run neo4j -- start.*NEO4J_URI=bolt:\/\/127\.0\.0\.1:7687 kg serve/);
    await expect(page.locator('#questions-list button').count()).resolves.toBe(0);
    await page.close();
  });

  it('shows markup in names and evidence as text and never runs it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-xss-'));
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const article = {
      id: 'x#1',
      file: 'x.txt',
      index: 0,
      title: `标题${evil}`,
      kicker: null,
      subtitle: null,
      date: null,
      reporters: [],
      body: evil,
    };
    const entity = {
      id: `Project:恶意${evil}项目`,
      type: 'Project' as const,
      name: `恶意${evil}项目`,
      aliases: [evil],
      articles: ['x#1'],
      props: {},
    };
    const county = {
      id: 'County:东阿县',
      type: 'County' as const,
      name: '东阿县',
      aliases: [],
      articles: ['x#1'],
      props: {},
    };
    const relation = {
      type: 'LOCATED_IN' as const,
      from: entity.id,
      to: county.id,
      article: 'x#1',
      evidence: `位于东阿县${evil}`,
      start: 0,
      end: 9,
      rule: 'test',
      props: {},
    };
    writeFileSync(
      join(dir, 'graph.json'),
      JSON.stringify(exportGraph(buildGraph([article], [entity, county], [relation]))),
    );
    const evilServer = await startServer({ graphDir: dir, port: 0 });
    try {
      const page = await openViewer(`${evilServer.url}#sel=${encodeURIComponent(entity.id)}`);
      await page.waitForSelector('#panel[data-node]');
      await expect(page.locator('#panel h2').textContent()).resolves.toBe(entity.name);
      await expect(page.locator('#panel .evidence').textContent()).resolves.toBe(relation.evidence);
      await expect(page.locator('#panel script, #panel img').count()).resolves.toBe(0);
      await page.fill('#search', '恶意');
      await page.waitForSelector('#suggestions[data-query="恶意"] li');
      await expect(page.locator('#suggestions script, #suggestions img').count()).resolves.toBe(0);
      await expect(page.evaluate(() => (window as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
      await page.close();
    } finally {
      await evilServer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('binds the loopback address unless told otherwise', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });
});

// Viewer benchmark: time to the first rendered frame and to a usable search, in headless Chromium, for the seeds
// graph and for a synthetic graph of 20k nodes / 50k edges (target: first frame within 3 s at 20k), each opened plain
// and opened on a link with filters (facts only, an end date) and the node table open.
// Run alone: node --import tsx bench/viewer.ts
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildGraph, exportGraph } from '../src/graph/build.ts';
import { RELATION_RULES } from '../src/names.ts';
import {
  articleNodeId,
  ENTITY_TYPES,
  type Article,
  type Entity,
  type Relation,
  type RelationType,
} from '../src/schema.ts';
import { startServer } from '../src/server/index.ts';
import { launchChromium } from '../tests/e2e/chromium.ts';
import { writeSeedsGraph } from '../tests/e2e/seeds-graph.ts';
import { mulberry32 } from './random.ts';

/** Articles are spread over this many days of August 2025, so that a date filter leaves a part. */
const DAYS = 28;

/** The link the filtered runs open: the fact graph up to mid-month, with the node table below it. */
export const FILTERED_VIEW = '#facts=1&to=2025-08-14&table=nodes';

const SYLLABLES =
  '东西南北高新华鲁聊城阳谷冠县茌平临清莘东阿经开水城光伏锂电材料装备智能科技产业能源化工纺织食品物流'.split('');

/** A graph shaped like extractor output: `articles` articles, entities of every type, and `edges` relations. */
export function syntheticRecords(
  nodes: number,
  edges: number,
  seed = 1,
): { articles: Article[]; entities: Entity[]; relations: Relation[] } {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const articleCount = Math.max(1, Math.round(nodes / 40));
  const articles: Article[] = Array.from({ length: articleCount }, (_, i) => ({
    id: `synthetic#${i + 1}`,
    file: 'synthetic.txt',
    index: i,
    title: `第${i + 1}篇 ${pick(SYLLABLES)}${pick(SYLLABLES)}新闻`,
    kicker: null,
    subtitle: null,
    date: `2025-08-${String(1 + (i % DAYS)).padStart(2, '0')}`,
    reporters: [],
    body: '',
  }));
  const entities: Entity[] = [];
  for (let i = 0; entities.length < nodes - articleCount; i++) {
    const type = pick(ENTITY_TYPES);
    const name = `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}${i}${type === 'Project' ? '项目' : type === 'Company' ? '有限公司' : ''}`;
    const props: Entity['props'] = type === 'Project' ? { investment_yuan: Math.round(rand() * 5e9) } : {};
    entities.push({
      id: `${type}:${name}`,
      type,
      name,
      aliases: [name.slice(0, 3)],
      articles: [pick(articles).id],
      props,
    });
  }
  const ids = [...entities.map((e) => e.id), ...articles.map((a) => articleNodeId(a.id))];
  const relations: Relation[] = [];
  const types: RelationType[] = ['MENTIONS', 'LOCATED_IN', 'DEVELOPS', 'HOLDS_POSITION', 'FUNDS'];
  for (let i = 0; i < edges; i++) {
    // Skewed ends (a few hubs, many leaves), as in news graphs where a city or a county is in every article.
    const from = ids[Math.floor(rand() ** 2 * ids.length)]!;
    const to = ids[Math.floor(rand() * ids.length)]!;
    const type = pick(types);
    const rules = RELATION_RULES[type];
    const rule = rules[i % rules.length]!;
    relations.push({
      type,
      from,
      to,
      article: pick(articles).id,
      evidence: `${from}与${to}的关系。`,
      start: i,
      end: i + 5,
      rule,
      props: {},
    });
  }
  return { articles, entities, relations };
}

interface Timing {
  /** Milliseconds from navigation start: API answers in, graph built (and laid out), first frame on screen. */
  dataMs: number;
  builtMs: number;
  firstRenderMs: number;
  searchReadyMs: number;
  searchAnswerMs: number;
}

const OUT = join(import.meta.dirname, 'out');

async function measure(graphDir: string, query: string, screenshot: string, hash = ''): Promise<Timing> {
  const server = await startServer({ graphDir, port: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}${hash}`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 120_000 });
    if (hash.includes('table=')) await page.waitForSelector('#table tbody tr', { state: 'attached' });
    const marks = await page.evaluate(() => ({
      data: performance.getEntriesByName('kg:data-loaded')[0]?.startTime ?? NaN,
      built: performance.getEntriesByName('kg:graph-built')[0]?.startTime ?? NaN,
      firstRender: performance.getEntriesByName('kg:first-render')[0]?.startTime ?? NaN,
      searchReady: performance.getEntriesByName('kg:search-ready')[0]?.startTime ?? NaN,
    }));
    await page.screenshot({ path: join(OUT, screenshot) });
    const t0 = Date.now();
    await page.fill('#search', query);
    await page.waitForSelector(`#suggestions[data-query="${query}"] li`, { timeout: 30_000 });
    // The 120 ms typing debounce is part of what a person waits for.
    return {
      dataMs: marks.data,
      builtMs: marks.built,
      firstRenderMs: marks.firstRender,
      searchReadyMs: marks.searchReady,
      searchAnswerMs: Date.now() - t0,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function bench(): Promise<void> {
  await import('../src/server/index.ts').then((m) => m.ensureViewerBuilt());
  mkdirSync(OUT, { recursive: true });
  const seedsDir = writeSeedsGraph();
  const synthDir = mkdtempSync(join(tmpdir(), 'kg-bench-viewer-'));
  try {
    const { articles, entities, relations } = syntheticRecords(20_000, 50_000);
    const graph = buildGraph(articles, entities, relations);
    writeFileSync(join(synthDir, 'graph.json'), JSON.stringify(exportGraph(graph)));
    const synthName = `synthetic (${graph.order} nodes, ${graph.size} edges)`;
    const rows: Array<[string, Timing]> = [
      [`seeds (${await countOf(seedsDir)})`, await measure(seedsDir, '海韵', 'viewer-seeds.png')],
      [`seeds, filters + table`, await measure(seedsDir, '海韵', 'viewer-seeds-filtered.png', FILTERED_VIEW)],
      [synthName, await measure(synthDir, '东阿', 'viewer-20k.png')],
      [`${synthName}, filters + table`, await measure(synthDir, '东阿', 'viewer-20k-filtered.png', FILTERED_VIEW)],
    ];
    console.log(`viewer bench (headless Chromium, SwiftShader WebGL); filters + table = ${FILTERED_VIEW}`);
    for (const [name, t] of rows) {
      console.log(
        `  ${name}: data in ${t.dataMs.toFixed(0)} ms, graph built ${t.builtMs.toFixed(0)} ms, `
          + `first frame ${t.firstRenderMs.toFixed(0)} ms, search usable ${t.searchReadyMs.toFixed(0)} ms, `
          + `suggestions ${t.searchAnswerMs} ms after typing`,
      );
    }
    for (const [name, t] of rows.slice(2)) {
      console.log(`  ${name}: first frame vs 3000 ms target: ${(t.firstRenderMs / 3000).toFixed(2)}×`);
    }
    console.log(`  screenshots: ${OUT}/viewer-{seeds,seeds-filtered,20k,20k-filtered}.png`);
  } finally {
    rmSync(seedsDir, { recursive: true, force: true });
    rmSync(synthDir, { recursive: true, force: true });
  }
}

async function countOf(dir: string): Promise<string> {
  const { openGraphFile } = await import('../src/server/graph-file.ts');
  const s = await (await openGraphFile(dir)).stats();
  return `${s.nodes} nodes, ${s.edges} edges`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await bench();

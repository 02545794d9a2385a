// `kg extract` on a small corpus with bad parts, and `kg eval` on the seeds: the acceptance bar.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract, type ExtractSummary } from '../../src/run/extract.ts';
import { importGraph } from '../../src/graph/build.ts';
import { Article, Entity, GoldPage, Relation, articleNodeId } from '../../src/schema.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const SEEDS = join(ROOT, 'seeds');
const KG = join(ROOT, 'bin/kg.js');
const PAGE_STEM = '000_1d8b0c37187465ce';
const goldArticles = GoldPage.parse(JSON.parse(readFileSync(join(SEEDS, `${PAGE_STEM}.gold.json`), 'utf8'))).articles
  .length;

const JSONL_LINES = [
  JSON.stringify({
    id: 'web-1',
    text: '市工业和信息化局拨付山东润丰精工科技有限公司技术改造奖励资金85万元。',
    title: '技改奖励到位',
    date: '2024-08-06',
  }),
  '{"id": "web-2", "text": "断了的一行', // invalid JSON: line 2
  JSON.stringify({ id: 'web-3', text: '位于莘县的山东绿康食品有限公司新上了一条生产线。', file: 'site.html' }),
];

let dir: string;
let out: string;
let summary: ExtractSummary;
const lines = (name: string) =>
  readFileSync(join(out, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as unknown);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kg-cli-extract-'));
  const input = join(dir, 'in');
  mkdirSync(input);
  copyFileSync(join(SEEDS, `${PAGE_STEM}.txt`), join(input, `${PAGE_STEM}.txt`));
  writeFileSync(
    join(input, 'broken.txt'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]),
  );
  writeFileSync(join(input, 'news.jsonl'), `${JSONL_LINES.join('\n')}\n`);
  out = join(dir, 'out', 'nested'); // created by the run
  summary = await runExtract([input], { out, quiet: true });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('runExtract on a folder with a page, a broken file and a .jsonl with a bad line', () => {
  it('writes the four outputs and no temporary file', () => {
    const files = readdirSync(out);
    for (const f of ['articles.jsonl', 'entities.jsonl', 'graph.json', 'relations.jsonl']) expect(files).toContain(f);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('names the broken file and the bad line in summary.skipped, and goes on', () => {
    expect(summary.skipped).toHaveLength(2);
    expect(summary.skipped.find((s) => s.includes('broken.txt'))).toBeDefined();
    expect(summary.skipped.find((s) => s.includes('news.jsonl:2'))).toMatch(/line 2: invalid JSON/);
    expect(summary.invalid).toEqual([]);
  });

  it('writes every article of the page and every good .jsonl line', () => {
    const articles = lines('articles.jsonl').map((a) => Article.parse(a));
    const pageIds = Array.from({ length: goldArticles }, (_, i) => `${PAGE_STEM}#${i + 1}`);
    expect(articles.map((a) => a.id).sort()).toEqual([...pageIds, 'web-1', 'web-3'].sort());
    expect(summary.articles).toBe(goldArticles + 2);
    const web1 = articles.find((a) => a.id === 'web-1')!;
    expect(web1).toMatchObject({ title: '技改奖励到位', date: '2024-08-06', reporters: [] });
    expect(articles.find((a) => a.id === 'web-3')?.file).toBe('site.html');
  });

  it('writes entities and relations that each parse against the schemas, with the counts of the summary', () => {
    const entities = lines('entities.jsonl').map((e) => Entity.parse(e));
    const relations = lines('relations.jsonl').map((r) => Relation.parse(r));
    const count = <T>(xs: T[], key: (x: T) => string) => {
      const counts: Record<string, number> = {};
      for (const x of xs) counts[key(x)] = (counts[key(x)] ?? 0) + 1;
      return counts;
    };
    expect(count(entities, (e) => e.type)).toEqual(summary.entities);
    expect(count(relations, (r) => r.type)).toEqual(summary.relations);
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
    // Every endpoint is an entity or an article that was written.
    const ids = new Set([
      ...entities.map((e) => e.id),
      ...lines('articles.jsonl').map((a) => articleNodeId((a as Article).id)),
    ]);
    for (const r of relations) {
      expect(ids.has(r.from), r.from).toBe(true);
      expect(ids.has(r.to), r.to).toBe(true);
    }
  });

  it('extracts the .jsonl articles like any other: FUNDS and LOCATED_IN with their evidence', () => {
    const relations = lines('relations.jsonl').map((r) => Relation.parse(r));
    const funds = relations.find((r) => r.type === 'FUNDS' && r.article === 'web-1');
    expect(funds).toMatchObject({
      from: 'Agency:聊城市工业和信息化局',
      to: 'Company:山东润丰精工科技有限公司',
      props: { amount_yuan: 850_000 },
    });
    expect(relations.find((r) => r.type === 'LOCATED_IN' && r.article === 'web-3')).toMatchObject({
      from: 'Company:山东绿康食品有限公司',
      to: 'County:莘县',
    });
    const articles = new Map(lines('articles.jsonl').map((a) => [(a as Article).id, a as Article]));
    for (const r of relations.filter((x) => x.evidence))
      expect(articles.get(r.article)!.body.slice(r.start, r.end)).toBe(r.evidence);
  });

  it('writes a graph.json that imports with every article, entity and relation', () => {
    const graph = importGraph(JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')));
    const entities = lines('entities.jsonl') as Entity[];
    expect(graph.order).toBe(entities.length + summary.articles);
    expect(graph.size).toBe(lines('relations.jsonl').length);
    expect(graph.getNodeAttribute('Agency:聊城市工业和信息化局', 'type')).toBe('Agency');
    expect(graph.hasNode(articleNodeId('web-1'))).toBe(true);
  });
});

describe('runExtract with an output folder that cannot be written', () => {
  it('throws an error naming the folder before reading any input', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const bad = join(file, 'out');
    await expect(runExtract([join(dir, 'does-not-exist')], { out: bad, quiet: true })).rejects.toThrow(
      `output folder ${bad} cannot be written: a path component is not a directory`,
    );
  });

  it('makes `kg extract` exit 1 with that one line and no progress or summary', async () => {
    const bad = join(dir, 'a-file', 'out');
    const err = await run('node', [KG, 'extract', SEEDS, '--out', bad], { cwd: ROOT }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stderr.trim()).toBe(`kg: output folder ${bad} cannot be written: a path component is not a directory`);
    expect(existsSync(bad)).toBe(false);
  });
});

describe('kg extract + kg eval on the seeds (acceptance bar)', () => {
  it('reaches entity micro-F1 ≥ 0.95, relation micro-F1 ≥ 0.85, reporters F1 = 1, investments share = 1', async () => {
    const seedsOut = join(dir, 'seeds-out');
    await run('node', [KG, 'extract', SEEDS, '--out', seedsOut, '--quiet'], { cwd: ROOT });
    const { stdout } = await run('node', [KG, 'eval', '--gold', SEEDS, '--out', seedsOut, '--json'], { cwd: ROOT });
    const report = JSON.parse(stdout) as {
      articles: { gold: number; found: number };
      entityMicro: { f1: number };
      relationMicro: { f1: number };
      reporters: { f1: number };
      investments: { share: number; gold: number };
    };
    expect(report.articles.found).toBe(report.articles.gold);
    expect(report.entityMicro.f1).toBeGreaterThanOrEqual(0.95);
    expect(report.relationMicro.f1).toBeGreaterThanOrEqual(0.85);
    expect(report.reporters.f1).toBe(1);
    expect(report.investments.gold).toBeGreaterThan(0);
    expect(report.investments.share).toBe(1);
  });
});

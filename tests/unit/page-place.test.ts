// Provenance back to the page: every relation read from a page names where its evidence is printed in the raw page
// file (line, raw offsets); relations of .jsonl articles, which have no page, carry none.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract } from '../../src/run/extract.ts';
import { Article, Relation } from '../../src/schema.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const compact = (s: string) => s.replace(/\s+/gu, '');
const records = <T>(file: string, parse: (v: unknown) => T): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => parse(JSON.parse(l)));

let dir: string;
let relations: Relation[];
let files: Map<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kg-page-place-'));
  await runExtract([SEEDS], { out: join(dir, 'seeds'), quiet: true });
  relations = records(join(dir, 'seeds', 'relations.jsonl'), (v) => Relation.parse(v));
  const articles = records(join(dir, 'seeds', 'articles.jsonl'), (v) => Article.parse(v));
  files = new Map(articles.map((a) => [a.id, a.file]));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('relations of the seed pages', () => {
  it('each name the raw span of their evidence on the page and the line it starts on', () => {
    expect(relations.length).toBeGreaterThan(100);
    const pages = new Map<string, string>();
    const raw = (file: string) =>
      pages.get(file) ?? pages.set(file, readFileSync(join(SEEDS, file), 'utf8')).get(file)!;
    for (const r of relations) {
      const what = `${r.type} ${r.from} → ${r.to}`;
      expect(r.page, what).toBeDefined();
      const text = raw(files.get(r.article)!);
      const { line, start, end } = r.page!;
      expect(compact(text.slice(start, end)), what).toBe(compact(r.evidence));
      expect(text.slice(0, start).split('\n').length, what).toBe(line);
    }
    // Some evidence runs over several raw lines: the check above crosses column breaks.
    const spans = relations.map((r) => raw(files.get(r.article)!).slice(r.page!.start, r.page!.end));
    expect(spans.some((s) => s.includes('\n'))).toBe(true);
  });

  it('keep their place out of articles.jsonl', () => {
    expect(readFileSync(join(dir, 'seeds', 'articles.jsonl'), 'utf8')).not.toMatch(/"offsets"|"lines"|"place"/);
  });
});

describe('relations of a .jsonl article', () => {
  it('have no page', async () => {
    const input = join(dir, 'web.jsonl');
    writeFileSync(input, `${JSON.stringify({ id: 'web-1', text: '聊城市市场监督管理局局长宋一丁到东阿县调研。' })}\n`);
    await runExtract([input], { out: join(dir, 'web'), quiet: true });
    const rs = records(join(dir, 'web', 'relations.jsonl'), (v) => Relation.parse(v));
    expect(rs.length).toBeGreaterThan(0);
    for (const r of rs) expect(r.page).toBeUndefined();
  });
});

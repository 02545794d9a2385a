// Article ids and `file` come from a page's path under its input root, so that archives holding `01.txt … 08.txt` in
// one folder per issue keep every page; ids that would still clash are reported with both sources, never overwritten.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract } from '../../src/run/extract.ts';
import { ArticleIds } from '../../src/ingest/ids.ts';
import { Article } from '../../src/schema.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const PAGE_A = '000_1d8b0c37187465ce';
const PAGE_B = '003_ed6e154ad0e1db3a';

let dir: string;
const articlesOf = (out: string): Article[] =>
  readFileSync(join(out, 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => Article.parse(JSON.parse(l)));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kg-names-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pages of the same name in different folders', () => {
  it('give distinct ids and files from their path under the input root', async () => {
    const c = join(dir, 'c');
    mkdirSync(join(c, 'd1'), { recursive: true });
    mkdirSync(join(c, 'd2'));
    copyFileSync(join(SEEDS, `${PAGE_A}.txt`), join(c, 'd1', '01.txt'));
    copyFileSync(join(SEEDS, `${PAGE_B}.txt`), join(c, 'd2', '01.txt'));
    const out = join(dir, 'o');
    const summary = await runExtract([c], { out, quiet: true, graph: false });
    const articles = articlesOf(out);
    expect(summary.skipped).toEqual([]);
    expect(articles).toHaveLength(16);
    expect(new Set(articles.map((a) => a.id)).size).toBe(16);
    expect(articles[0]).toMatchObject({ id: 'd1/01#1', file: 'd1/01.txt' });
    expect(articles.at(-1)!.file).toBe('d2/01.txt');
    expect(articles.filter((a) => a.file === 'd1/01.txt').map((a) => a.id)).toEqual(
      articles.filter((a) => a.file === 'd1/01.txt').map((_, i) => `d1/01#${i + 1}`),
    );
  });

  it('keep the ids of a page at the top of its folder or given directly (the gold files and the state use them)', async () => {
    const seeds = join(dir, 'seeds');
    await runExtract([SEEDS], { out: seeds, quiet: true, graph: false });
    expect(articlesOf(seeds)[0]).toMatchObject({ id: `${PAGE_A}#1`, file: `${PAGE_A}.txt` });
    const direct = join(dir, 'direct');
    await runExtract([join(SEEDS, `${PAGE_B}.txt`)], { out: direct, quiet: true, graph: false });
    expect(articlesOf(direct)[0]).toMatchObject({ id: `${PAGE_B}#1`, file: `${PAGE_B}.txt` });
  });

  it('are reported with both paths when two roots each hold one, and the second is not written', async () => {
    const [r1, r2] = [join(dir, 'r1'), join(dir, 'r2')];
    mkdirSync(r1);
    mkdirSync(r2);
    copyFileSync(join(SEEDS, `${PAGE_A}.txt`), join(r1, '01.txt'));
    copyFileSync(join(SEEDS, `${PAGE_B}.txt`), join(r2, '01.txt'));
    const out = join(dir, 'roots');
    const summary = await runExtract([r1, r2], { out, quiet: true, graph: false });
    expect(summary.skipped).toEqual([
      `${join(r2, '01.txt')}: article id 01#1 is given by ${join(r1, '01.txt')} too; not written (rename one of them, or give their common parent folder)`,
    ]);
    const articles = articlesOf(out);
    expect(new Set(articles.map((a) => a.file))).toEqual(new Set(['01.txt']));
    expect(articles.length).toBe(summary.articles);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
  });
});

describe('.jsonl lines giving the same id', () => {
  it('are reported with both lines, in one file and across files, and the first is kept', async () => {
    const j = join(dir, 'j');
    mkdirSync(j);
    const line = (id: string, text: string) => JSON.stringify({ id, text });
    writeFileSync(
      join(j, 'a.jsonl'),
      [line('x1', '聊城市水利局通报。'), line('x2', '东阿县新建一座桥。'), line('x1', '重复的一篇。')].join('\n'),
    );
    writeFileSync(join(j, 'b.jsonl'), line('x2', '又一篇重复。'));
    const out = join(dir, 'jsonl');
    const summary = await runExtract([j], { out, quiet: true, graph: false });
    expect(summary.skipped).toEqual([
      `${join(j, 'a.jsonl')}:3: article id x1 is given by ${join(j, 'a.jsonl')}:1 too; not written (rename one of them, or give their common parent folder)`,
      `${join(j, 'b.jsonl')}:1: article id x2 is given by ${join(j, 'a.jsonl')}:2 too; not written (rename one of them, or give their common parent folder)`,
    ]);
    expect(articlesOf(out).map((a) => [a.id, a.body])).toEqual([
      ['x1', '聊城市水利局通报。'],
      ['x2', '东阿县新建一座桥。'],
    ]);
  });
});

describe('ArticleIds', () => {
  it('claims nothing of a unit with one clashing id, so its other ids stay free', () => {
    const ids = new ArticleIds();
    expect(ids.claim(['a#1', 'a#2'], 'one')).toBeNull();
    expect(ids.claim(['b#1', 'a#2'], 'two')).toMatch(/^article id a#2 is given by one too/);
    expect(ids.claim(['b#1'], 'three')).toBeNull();
  });
});

// `kg extract --workers N`: worker threads give the same output files, byte for byte, as extraction in one thread.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedChunks, syntheticPage } from '../../bench/corpus.ts';
import { defaultWorkers, runExtract, type ExtractSummary } from '../../src/run/extract.ts';
import { createExtractor } from '../../src/run/pool.ts';
import { MODEL_DIR } from '../../src/nlp/ner/model.ts';
import { modelInstalled } from '../../src/run/layer.ts';

const SEEDS = join(import.meta.dirname, '../../seeds');
const OUTPUTS = ['articles.jsonl', 'entities.jsonl', 'relations.jsonl', 'graph.json'];

let dir: string;
let corpus: string;

/** A corpus with several synthetic pages, a .jsonl file of ready articles, a blank page and a bad line. */
function writeCorpus(at: string): void {
  const chunks = seedChunks();
  mkdirSync(join(at, 'pages'), { recursive: true });
  for (let n = 0; n < 9; n++)
    writeFileSync(join(at, 'pages', `p${String(n).padStart(2, '0')}.txt`), syntheticPage(chunks, n));
  writeFileSync(join(at, 'pages', 'p99_blank.txt'), '\n \n');
  writeFileSync(
    join(at, 'web.jsonl'),
    `${[
      JSON.stringify({ id: 'web-1', text: '本报讯 聊城市市场监督管理局局长宋一丁到东阿县调研。', date: '2025-08-01' }),
      '{"id": broken',
      JSON.stringify({ id: 'web-2', text: chunks[1]!, title: '网站稿件' }),
    ].join('\n')}\n`,
  );
}

async function extractTo(inputs: string[], workers: number): Promise<{ out: string; summary: ExtractSummary }> {
  const out = mkdtempSync(join(dir, `w${workers}-`));
  const summary = await runExtract(inputs, { out, quiet: true, workers });
  return { out, summary };
}

const bytes = (out: string) => Object.fromEntries(OUTPUTS.map((f) => [f, readFileSync(join(out, f))]));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kg-workers-'));
  corpus = join(dir, 'corpus');
  writeCorpus(corpus);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extraction in worker threads', () => {
  it('writes the same bytes with 1 and 2 workers on the seed pages', async () => {
    const one = await extractTo([SEEDS], 1);
    const two = await extractTo([SEEDS], 2);
    expect(one.summary.articles).toBeGreaterThan(10);
    expect(two.summary.units.extracted).toBe(2);
    expect(bytes(two.out)).toEqual(bytes(one.out));
  });

  it('writes the same bytes with 1, 2 and 3 workers on a multi-page corpus with .jsonl articles and bad input', async () => {
    const one = await extractTo([corpus], 1);
    const two = await extractTo([corpus], 2);
    const three = await extractTo([join(corpus, 'web.jsonl'), join(corpus, 'pages')], 3);
    expect(one.summary.units.extracted).toBe(11); // 9 pages and 2 good .jsonl lines
    expect(one.summary.skipped).toEqual([
      expect.stringMatching(/p99_blank\.txt: empty file/),
      expect.stringMatching(/web\.jsonl:2: line 2: invalid JSON/),
    ]);
    expect(two.summary.skipped).toEqual(one.summary.skipped);
    expect(bytes(two.out)).toEqual(bytes(one.out));
    // Input order decides output order: the .jsonl articles first here, then the pages, whatever the workers. Page ids
    // come from the path under the folder given: pages/p00#1 from the corpus, p00#1 from its pages folder.
    const ids = readFileSync(join(three.out, 'articles.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids.slice(0, 2)).toEqual(['web-1', 'web-2']);
    expect(ids.slice(2)).toEqual(
      readFileSync(join(one.out, 'articles.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: string }).id)
        .filter((id) => !id.startsWith('web-'))
        .map((id) => id.replace(/^pages\//, '')),
    );
  });

  it('runs the extractor in a worker that loads TypeScript, jieba and the recogniser; refuses a bad worker count', async () => {
    // The recogniser where its model is installed (CI installs it): a worker starts ONNX Runtime itself.
    const pool = createExtractor({ date: null, workers: 2, model: modelInstalled() ? MODEL_DIR : null });
    try {
      const text = readFileSync(join(SEEDS, '000_1d8b0c37187465ce.txt'), 'utf8');
      const records = await pool.run({
        kind: 'page',
        file: 'x/000_1d8b0c37187465ce.txt',
        name: '000_1d8b0c37187465ce.txt',
        stem: '000_1d8b0c37187465ce',
        text,
        city: '聊城市',
      });
      expect(records.articleIds[0]).toBe('000_1d8b0c37187465ce#1');
      expect(records.entities.some((e) => e.id === 'Agency:聊城市市场监督管理局')).toBe(true);
    } finally {
      await pool.close();
    }
    expect(() => createExtractor({ date: null, workers: 0, model: null })).toThrow(
      /workers must be a whole number ≥ 1/,
    );
  });

  it('defaults to one worker per core, but one for pages too small to repay a worker start', () => {
    const seedBytes = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .reduce((n, f) => n + statSync(join(SEEDS, f)).size, 0);
    expect(defaultWorkers(seedBytes)).toBe(1);
    expect(defaultWorkers(5 << 20)).toBe(Math.min(availableParallelism(), 3));
  });
});

// Extraction benchmark: throughput of the real pipeline (runExtract, no graph.json) on a synthetic corpus, beside bare
// jieba tagging of the same pages read the same way (target: extraction at least half as fast), and peak RSS of the
// extraction on a 5 MB and a 20 MB corpus (flat memory: the 20 MB peak is not ~4× the 5 MB one).
// Every measured run is a child process, so that each peak RSS belongs to one run and no run warms the next.
// Run alone: node --import tsx bench/extract.ts   (KG_BENCH_EXTRACT_MB=… changes the 20 MB size)
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as jieba from 'nodejs-jieba';
import { runExtract } from '../src/run/extract.ts';
import { readInputs } from '../src/ingest/read.ts';
import { buildCorpus } from './corpus.ts';

const RATIO_TARGET = 0.5;
const PROBE_MB = 1;
const SMALL_MB = 5;
const LARGE_MB = Number(process.env.KG_BENCH_EXTRACT_MB ?? 20);

type Mode = 'extract' | 'jieba';

/** What a child run reports on its stdout, as one JSON line. */
interface RunResult {
  mode: Mode;
  bytes: number;
  articles: number;
  seconds: number;
  maxRssMB: number;
}

/** The measured work of one child: the pipeline, or bare jieba tagging of each page text as the pipeline reads it. */
async function measure(mode: Mode, corpus: string, out: string): Promise<RunResult> {
  jieba.tag('预热'); // load jieba's dictionaries before the clock starts, in both modes alike
  const started = performance.now();
  let bytes = 0;
  let articles = 0;
  if (mode === 'extract') {
    // One thread, as bare tagging runs in one: the ratio is the pipeline's cost over jieba's, not a parallel speed-up.
    const s = await runExtract([corpus], { out, graph: false, quiet: true, workers: 1 });
    if (s.skipped.length || s.invalid.length) throw new Error(`extract: ${s.skipped.length} skipped, ${s.invalid.length} invalid:\n${[...s.skipped, ...s.invalid].slice(0, 5).join('\n')}`);
    bytes = s.bytes;
    articles = s.articles;
  } else {
    for await (const item of readInputs([corpus])) {
      if (item.kind !== 'page') throw new Error(`jieba: ${item.file}: not a page (${item.kind})`);
      jieba.tag(item.text);
      bytes += Buffer.byteLength(item.text);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { mode, bytes, articles, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024 };
}

async function runChild(mode: Mode, corpus: string, out: string): Promise<RunResult> {
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', self, 'child', mode, corpus, out], { maxBuffer: 1 << 20 });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as RunResult;
  } catch {
    throw new Error(`child ${mode} ${corpus} printed no result: ${stdout.slice(-500)}`);
  }
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
const kbps = (r: RunResult): number => r.bytes / 1024 / r.seconds;

function line(r: RunResult): string {
  return r.mode === 'extract'
    ? `extract: ${mb(r.bytes)} MB, ${r.articles} articles in ${r.seconds.toFixed(1)} s → ${kbps(r).toFixed(0)} KB/s, ${(r.articles / r.seconds).toFixed(0)} articles/s, peak RSS ${r.maxRssMB.toFixed(0)} MB`
    : `jieba tag only: ${mb(r.bytes)} MB in ${r.seconds.toFixed(1)} s → ${kbps(r).toFixed(0)} KB/s, peak RSS ${r.maxRssMB.toFixed(0)} MB`;
}

export async function bench(): Promise<void> {
  if (!(LARGE_MB > SMALL_MB)) throw new Error(`KG_BENCH_EXTRACT_MB=${process.env.KG_BENCH_EXTRACT_MB}: expected a number of MB above ${SMALL_MB}`);
  const root = mkdtempSync(join(tmpdir(), 'kg-bench-extract-'));
  try {
    const corpus = (size: number): string => {
      const dir = join(root, `corpus-${size}mb`);
      const c = buildCorpus(dir, size);
      console.log(`corpus ${size} MB: ${c.pages} pages, ${mb(c.bytes)} MB (synthetic, from the seeds)`);
      return dir;
    };
    const run = async (mode: Mode, dir: string): Promise<RunResult> => {
      const r = await runChild(mode, dir, join(root, `out-${mode}-${Date.now()}`));
      console.log(line(r));
      return r;
    };

    const probe = await run('extract', corpus(PROBE_MB));
    console.log(`estimate for ${LARGE_MB} MB: ~${((LARGE_MB * 1024) / kbps(probe)).toFixed(0)} s`);
    const small = await run('extract', corpus(SMALL_MB));
    const largeDir = corpus(LARGE_MB);
    const large = await run('extract', largeDir);
    const tagged = await run('jieba', largeDir);

    const ratio = kbps(large) / kbps(tagged);
    console.log(`ratio extract/jieba: ${ratio.toFixed(2)} (target ≥ ${RATIO_TARGET}: ${ratio >= RATIO_TARGET ? 'met' : 'NOT met'})`);
    const rss = large.maxRssMB / small.maxRssMB;
    const sizes = large.bytes / small.bytes;
    console.log(`peak RSS ${SMALL_MB} MB: ${small.maxRssMB.toFixed(0)} MB, ${LARGE_MB} MB: ${large.maxRssMB.toFixed(0)} MB (ratio ${rss.toFixed(2)} for ${sizes.toFixed(1)}× the input: ${rss < sizes / 2 ? 'flat' : 'NOT flat'})`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const self = process.argv[1] ? import.meta.url === pathToFileURL(process.argv[1]).href : false;
if (self && process.argv[2] === 'child') {
  const [mode, corpus, out] = process.argv.slice(3) as [Mode, string, string];
  console.log(JSON.stringify(await measure(mode, corpus, out)));
} else if (self) {
  await bench();
}

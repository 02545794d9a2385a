// Corpus-scale benchmark on a 2,000-page synthetic corpus (~37 MB, made from the seeds by bench/corpus.ts):
// - extraction throughput with 1 and 2 worker threads, and the speed-up (target ≥ 1.7× on 2 cores), the two outputs
//   checked byte-equal;
// - an incremental re-run after one changed page, against the full run (target ≤ 5 % of its time), its outputs
//   checked byte-equal to a full run of the changed corpus.
// Runs are child processes (one measured run each: its own peak RSS, no warm-up from the previous one), --no-graph as
// for large corpora (graph.json is one single-threaded serialization at the end, the same for every run).
// Run alone: node --import tsx bench/scale.ts   (KG_BENCH_SCALE_PAGES=… changes the 2,000 pages)
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { runExtract } from '../src/cli/extract.ts';
import { seedChunks, syntheticPage } from './corpus.ts';

const PAGES = Number(process.env.KG_BENCH_SCALE_PAGES ?? 2000);
const SPEEDUP_TARGET = 1.7;
const INCREMENTAL_TARGET = 0.05;
const OUTPUTS = ['articles.jsonl', 'entities.jsonl', 'relations.jsonl'];

interface RunResult {
  workers: number;
  bytes: number;
  articles: number;
  extracted: number;
  reused: number;
  seconds: number;
  maxRssMB: number;
}

async function measure(corpus: string, out: string, workers: number): Promise<RunResult> {
  const started = performance.now();
  const s = await runExtract([corpus], { out, graph: false, quiet: true, workers });
  const seconds = (performance.now() - started) / 1000;
  if (s.skipped.length || s.invalid.length) throw new Error(`extract: ${s.skipped.length} skipped, ${s.invalid.length} invalid`);
  return { workers, bytes: s.bytes, articles: s.articles, extracted: s.units.extracted, reused: s.units.reused, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024 };
}

async function runChild(corpus: string, out: string, workers: number): Promise<RunResult> {
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', self, 'child', corpus, out, String(workers)], { maxBuffer: 1 << 20 });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as RunResult;
  } catch {
    throw new Error(`child run printed no result: ${stdout.slice(-500)}`);
  }
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
const line = (what: string, r: RunResult): string =>
  `${what}: ${r.extracted} pages extracted, ${r.reused} reused, ${r.articles} articles, ${mb(r.bytes)} MB in ${r.seconds.toFixed(1)} s → `
  + `${(r.bytes / 1024 / r.seconds).toFixed(0)} KB/s, peak RSS ${r.maxRssMB.toFixed(0)} MB`;

function sameOutputs(a: string, b: string): boolean {
  return OUTPUTS.every((f) => readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
}

export async function bench(): Promise<void> {
  if (!(Number.isInteger(PAGES) && PAGES >= 10)) throw new Error(`KG_BENCH_SCALE_PAGES=${process.env.KG_BENCH_SCALE_PAGES}: expected a whole number ≥ 10`);
  const root = mkdtempSync(join(tmpdir(), 'kg-bench-scale-'));
  try {
    const corpus = join(root, 'corpus');
    mkdirSync(corpus);
    const chunks = seedChunks();
    const pagePath = (n: number) => join(corpus, `page_${String(n).padStart(5, '0')}.txt`);
    let bytes = 0;
    for (let n = 0; n < PAGES; n++) {
      const text = syntheticPage(chunks, n);
      writeFileSync(pagePath(n), text);
      bytes += Buffer.byteLength(text);
    }
    console.log(`corpus: ${PAGES} pages, ${mb(bytes)} MB (synthetic, from the seeds); ${availableParallelism()} cores`);

    const one = await runChild(corpus, join(root, 'out-1'), 1);
    console.log(line('1 worker ', one));
    const two = await runChild(corpus, join(root, 'out-2'), 2);
    console.log(line('2 workers', two));
    const speedup = one.seconds / two.seconds;
    console.log(`speed-up 2 workers / 1: ${speedup.toFixed(2)}× (target ≥ ${SPEEDUP_TARGET}×: ${speedup >= SPEEDUP_TARGET ? 'met' : 'NOT met'}); `
      + `outputs ${sameOutputs(join(root, 'out-1'), join(root, 'out-2')) ? 'byte-equal' : 'DIFFER'}`);

    // One page in the middle gets another page's text; the 2-worker output folder is re-run incrementally.
    const changed = Math.floor(PAGES / 2);
    writeFileSync(pagePath(changed), syntheticPage(chunks, PAGES + 7));
    const inc = await runChild(corpus, join(root, 'out-2'), 2);
    console.log(line('incremental, 1 page changed', inc));
    const share = inc.seconds / two.seconds;
    const full = await runChild(corpus, join(root, 'out-full'), 2);
    console.log(line('full run of the changed corpus', full));
    console.log(`incremental / full: ${(share * 100).toFixed(1)} % (target ≤ ${INCREMENTAL_TARGET * 100} %: ${share <= INCREMENTAL_TARGET ? 'met' : 'NOT met'}); `
      + `outputs ${sameOutputs(join(root, 'out-2'), join(root, 'out-full')) ? 'byte-equal to the full run' : 'DIFFER from the full run'}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const self = process.argv[1] ? import.meta.url === pathToFileURL(process.argv[1]).href : false;
if (self && process.argv[2] === 'child') {
  const [corpus, out, workers] = process.argv.slice(3) as [string, string, string];
  console.log(JSON.stringify(await measure(corpus, out, Number(workers))));
} else if (self) {
  await bench();
}

// Extraction benchmark: throughput of the real pipeline (runExtract, no graph.json) on a synthetic corpus with the
// recogniser and without it (--ner off), beside bare jieba tagging of the same pages read the same way and bare
// recognition (inference and decoding) of the same sentences, batched per page as the pipeline batches them. Targets:
// the rules alone at least half as fast as bare tagging; with the recogniser, at least 0.6 of bare tagging plus bare
// recognition (their times added). Peak RSS of the extraction on a 5 MB and a 20 MB corpus (flat memory: the 20 MB
// peak is not ~4× the 5 MB one); the projected time of a year of a daily (20 million characters) on 2 workers.
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
import { createRecognizer } from '../src/nlp/ner/index.ts';
import { articleLayers, modelInstalled } from '../src/run/layer.ts';
import { unitArticles } from '../src/run/units.ts';
import { buildCorpus } from './corpus.ts';

const RATIO_TARGET = 0.5;
const NER_RATIO_TARGET = 0.6;
/** A year of a daily, in characters, and the workers it is projected on. */
const YEAR_CHARS = 20_000_000;
const YEAR_WORKERS = 2;
const PROBE_MB = 1;
const SMALL_MB = 5;
const LARGE_MB = Number(process.env.KG_BENCH_EXTRACT_MB ?? 20);

/** extract: the pipeline with the recogniser; rules: with --ner off; extract2: with the recogniser on two workers. */
type Mode = 'extract' | 'rules' | 'extract2' | 'jieba' | 'model';

/** What a child run reports on its stdout, as one JSON line. */
interface RunResult {
  mode: Mode;
  bytes: number;
  /** UTF-16 characters of the page texts. */
  chars: number;
  articles: number;
  seconds: number;
  /** CPU seconds of the measured work (every thread of the process): the steadier figure on a shared machine. */
  cpuSeconds: number;
  maxRssMB: number;
}

/** The measured work of one child: the pipeline, or bare jieba tagging of each page text as the pipeline reads it. */
async function measure(mode: Mode, corpus: string, out: string): Promise<RunResult> {
  jieba.tag('预热'); // load jieba's dictionaries before the clock starts, in every mode alike
  let bytes = 0;
  let articles = 0;
  let chars = 0;
  let seconds = 0;
  let cpuSeconds = 0;
  /** Times `work` into `seconds` and `cpuSeconds`. */
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const result = await work();
    const used = process.cpuUsage(cpu);
    seconds += (performance.now() - started) / 1000;
    cpuSeconds += (used.user + used.system) / 1e6;
    return result;
  };
  for await (const item of readInputs([corpus])) if (item.kind === 'page') chars += item.text.length;
  if (mode === 'extract' || mode === 'rules' || mode === 'extract2') {
    // One thread, as bare tagging runs in one: the ratio is the pipeline's cost over jieba's, not a parallel speed-up.
    const ner = mode === 'rules' ? ('off' as const) : ('on' as const);
    const s = await timed(() =>
      runExtract([corpus], { out, graph: false, quiet: true, workers: mode === 'extract2' ? 2 : 1, ner }),
    );
    if (s.skipped.length || s.invalid.length)
      throw new Error(
        `extract: ${s.skipped.length} skipped, ${s.invalid.length} invalid:\n${[...s.skipped, ...s.invalid].slice(0, 5).join('\n')}`,
      );
    bytes = s.bytes;
    articles = s.articles;
  } else if (mode === 'jieba') {
    await timed(async () => {
      for await (const item of readInputs([corpus])) {
        if (item.kind !== 'page') throw new Error(`jieba: ${item.file}: not a page (${item.kind})`);
        jieba.tag(item.text);
        bytes += Buffer.byteLength(item.text);
      }
    });
  } else {
    // Only the recognition is timed: reading and segmenting the pages are the pipeline's, not the model's.
    const recognizer = await createRecognizer();
    if (!recognizer) throw new Error("model: the recogniser's model is not installed");
    await recognizer.recognize(['预热']);
    for await (const item of readInputs([corpus])) {
      if (item.kind !== 'page') throw new Error(`model: ${item.file}: not a page (${item.kind})`);
      const read = unitArticles({
        kind: 'page',
        file: item.file,
        name: item.name,
        stem: item.stem,
        text: item.text,
        city: '聊城市',
      });
      if ('note' in read) throw new Error(`model: ${item.file}: ${read.note.message}`);
      await timed(() => articleLayers(read.articles, recognizer));
      bytes += Buffer.byteLength(item.text);
      articles += read.articles.length;
    }
    await recognizer.release();
  }
  return { mode, bytes, chars, articles, seconds, cpuSeconds, maxRssMB: process.resourceUsage().maxRSS / 1024 };
}

async function runChild(mode: Mode, corpus: string, out: string): Promise<RunResult> {
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', self, 'child', mode, corpus, out],
    { maxBuffer: 1 << 20 },
  );
  const last = stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as RunResult;
  } catch {
    throw new Error(`child ${mode} ${corpus} printed no result: ${stdout.slice(-500)}`);
  }
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
const kbps = (r: RunResult): number => r.bytes / 1024 / r.seconds;

const LABELS: Record<Mode, string> = {
  extract: 'extract (recogniser on, 1 thread)',
  rules: 'extract --ner off (1 thread)',
  extract2: 'extract (recogniser on, 2 workers)',
  jieba: 'jieba tag only',
  model: 'recogniser only (inference + decoding)',
};

function line(r: RunResult): string {
  const perArticle = r.articles ? `, ${(r.articles / r.seconds).toFixed(0)} articles/s` : '';
  return (
    `${LABELS[r.mode]}: ${mb(r.bytes)} MB in ${r.seconds.toFixed(1)} s (${r.cpuSeconds.toFixed(1)} s CPU) → `
    + `${kbps(r).toFixed(0)} KB/s, ${Math.round(r.chars / r.seconds).toLocaleString('en')} chars/s, `
    + `${Math.round(r.chars / r.cpuSeconds).toLocaleString('en')} chars per CPU second${perArticle}, `
    + `peak RSS ${r.maxRssMB.toFixed(0)} MB`
  );
}

export async function bench(): Promise<void> {
  if (!(LARGE_MB > SMALL_MB))
    throw new Error(
      `KG_BENCH_EXTRACT_MB=${process.env.KG_BENCH_EXTRACT_MB}: expected a number of MB above ${SMALL_MB}`,
    );
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

    const ner = modelInstalled();
    if (!ner) console.log("the recogniser's model is not installed: the rules alone are measured");
    const main: Mode = ner ? 'extract' : 'rules';
    const probe = await run(main, corpus(PROBE_MB));
    console.log(`estimate for ${LARGE_MB} MB: ~${((LARGE_MB * 1024) / kbps(probe)).toFixed(0)} s`);
    const smallDir = corpus(SMALL_MB);
    const small = await run(main, smallDir);
    if (ner) await run('extract2', smallDir);
    const largeDir = corpus(LARGE_MB);
    const large = await run(main, largeDir);
    const rules = ner ? await run('rules', largeDir) : large;
    const tagged = await run('jieba', largeDir);

    /** A ratio of times, wall clock and CPU, against its target (judged by CPU: the machine is shared). */
    const ratio = (what: string, target: number, wall: number, cpu: number): void =>
      console.log(
        `ratio ${what}: ${wall.toFixed(2)} wall clock, ${cpu.toFixed(2)} CPU (target ≥ ${target}: ${cpu >= target ? 'met' : 'NOT met'})`,
      );
    ratio(
      'extract --ner off / jieba',
      RATIO_TARGET,
      tagged.seconds / rules.seconds,
      tagged.cpuSeconds / rules.cpuSeconds,
    );
    if (ner) {
      const model = await run('model', largeDir);
      ratio(
        'extract / (jieba + recogniser)',
        NER_RATIO_TARGET,
        (tagged.seconds + model.seconds) / large.seconds,
        (tagged.cpuSeconds + model.cpuSeconds) / large.cpuSeconds,
      );
    }
    // Two workers on two free cores at best halve the one-thread time (the 2-worker line above: what they reach here).
    const minutes = YEAR_CHARS / (large.chars / large.cpuSeconds) / YEAR_WORKERS / 60;
    console.log(
      `a year of a daily (${YEAR_CHARS.toLocaleString('en')} chars) on ${YEAR_WORKERS} workers: `
        + `~${minutes.toFixed(1)} min (the one-thread rate per CPU second, ×${YEAR_WORKERS})`,
    );
    const rss = large.maxRssMB / small.maxRssMB;
    const sizes = large.bytes / small.bytes;
    console.log(
      `peak RSS ${SMALL_MB} MB: ${small.maxRssMB.toFixed(0)} MB, ${LARGE_MB} MB: ${large.maxRssMB.toFixed(0)} MB (ratio ${rss.toFixed(2)} for ${sizes.toFixed(1)}× the input: ${rss < sizes / 2 ? 'flat' : 'NOT flat'})`,
    );
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

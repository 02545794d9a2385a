// Long-line benchmark: one page of 1, 2, 4 and 8 MB made of the seed pages, with their line breaks and without any
// (a text layer exported as one line: one article of the whole page). CPU and wall time and peak RSS of `kg extract`
// on each, and the ratio of CPU time per doubling of the size (linear: ~2×; the one-line page was quadratic, 8 MB
// 39 s against 8.6 s). CPU time decides because the machine is shared: wall time counts the others' work too.
// Every measured run is a child process, so that each peak RSS belongs to one run.
// Run alone: node --import tsx bench/longline.ts   (KG_BENCH_LONGLINE_MB=1,2,4 changes the sizes)
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { runExtract } from '../src/run/extract.ts';

const SIZES_MB = (process.env.KG_BENCH_LONGLINE_MB ?? '1,2,4,8').split(',').map(Number);
const SEEDS_DIR = new URL('../seeds/', import.meta.url).pathname;
const SEEDS = ['000_1d8b0c37187465ce.txt', '003_ed6e154ad0e1db3a.txt'];

type Layout = 'lines' | 'one-line';

interface RunResult {
  bytes: number;
  articles: number;
  seconds: number;
  /** CPU time (user + system) of the run: on a shared machine, wall time also counts the others' work. */
  cpuSeconds: number;
  maxRssMB: number;
}

/** The seed pages repeated to `mb` MB; for 'one-line', every line break and the blanks around it removed. */
export function longPage(mb: number, layout: Layout): string {
  const seed = SEEDS.map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8')).join('\n\n');
  const copies = Math.ceil((mb * 2 ** 20) / Buffer.byteLength(seed));
  const text = Array(copies).fill(seed).join('\n\n');
  return layout === 'lines' ? text : text.replace(/\s*\n\s*/gu, '');
}

async function measure(page: string, out: string): Promise<RunResult> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  // One thread: the page is one unit either way, and the figure is its cost, not a parallel speed-up.
  const s = await runExtract([page], { out, graph: false, quiet: true, workers: 1, full: true });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  if (s.skipped.length || s.invalid.length)
    throw new Error(`${page}: ${[...s.skipped, ...s.invalid].slice(0, 3).join('; ')}`);
  return {
    bytes: s.bytes,
    articles: s.articles,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

async function runChild(page: string, out: string): Promise<RunResult> {
  const self = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', self, 'child', page, out], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as RunResult;
}

export async function bench(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'kg-bench-longline-'));
  try {
    for (const layout of ['lines', 'one-line'] as const) {
      let previous: RunResult | null = null;
      for (const size of SIZES_MB) {
        const dir = join(root, `${layout}-${size}`);
        mkdirSync(dir);
        const page = join(dir, 'page.txt');
        writeFileSync(page, longPage(size, layout));
        const r = await runChild(page, join(dir, 'out'));
        const ratio = previous
          ? ` (×${(r.cpuSeconds / previous.cpuSeconds).toFixed(2)} for ×${(r.bytes / previous.bytes).toFixed(2)} the size)`
          : '';
        console.log(
          `${layout.padEnd(8)} ${size} MB: ${r.articles} articles, CPU ${r.cpuSeconds.toFixed(1)} s${ratio}, wall ${r.seconds.toFixed(1)} s, peak RSS ${r.maxRssMB.toFixed(0)} MB`,
        );
        previous = r;
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const self = process.argv[1] ? import.meta.url === pathToFileURL(process.argv[1]).href : false;
if (self && process.argv[2] === 'child') {
  const [page, out] = process.argv.slice(3) as [string, string];
  console.log(JSON.stringify(await measure(page, out)));
} else if (self) {
  await bench();
}

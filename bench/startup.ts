// Start-up cost of the kg command: the median wall time of N runs (KG_BENCH_STARTUP_RUNS, default 15) of a bare
// `node -e 0`, of `kg --help` compiled (dist/, rebuilt first), with the freshness check of bin/kg.js and without it
// (KG_RUN=dist), and from the sources through tsx (KG_RUN=src), and of `kg query --list`; each as a ratio to node.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const KG = join(ROOT, 'bin/kg.js');
const RUNS = Number(process.env.KG_BENCH_STARTUP_RUNS ?? 15);

interface Case {
  name: string;
  args: string[];
  env?: Record<string, string>;
}

const CASES: Case[] = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'kg --help (dist, freshness checked)', args: [KG, '--help'] },
  { name: 'kg --help (KG_RUN=dist)', args: [KG, '--help'], env: { KG_RUN: 'dist' } },
  { name: 'kg --help (KG_RUN=src, tsx)', args: [KG, '--help'], env: { KG_RUN: 'src' } },
  { name: 'kg query --list (dist)', args: [KG, 'query', '--list'] },
];

/** Wall milliseconds of one run; a failing run is an error, not a fast figure. */
function once(c: Case): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, c.args, { cwd: ROOT, env: { ...process.env, ...c.env }, stdio: 'pipe' });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${c.name}: exit ${r.status}\n${r.stderr.toString()}`);
  return ms;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

export async function bench(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build.js')], { cwd: ROOT, stdio: 'inherit' });
  // Interleaved rounds, so that a burst of load on the shared machine hits every case alike.
  const times = new Map<string, number[]>(CASES.map((c) => [c.name, []]));
  for (let i = 0; i < RUNS; i++) for (const c of CASES) times.get(c.name)?.push(once(c));
  const base = median(times.get(CASES[0]?.name ?? '') ?? []);
  console.log(`median of ${RUNS} runs`);
  for (const c of CASES) {
    const ms = median(times.get(c.name) ?? []);
    console.log(`${c.name.padEnd(38)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / base).toFixed(2)}× node`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await bench();

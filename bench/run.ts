// `npm run bench [-- name...]`: runs the benchmark modules in turn (all of them, or those named). Each module exports
// `bench()`, which prints its figures. A missing module is skipped with a note; a failing one prints its error and
// the run goes on; the exit code is non-zero if any failed.
import { existsSync } from 'node:fs';

const BENCHMARKS = [
  'extract',
  'load',
  'viewer',
  'scale',
  'import',
  'startup',
  'cluener',
  'longline',
  'ner-gold',
  'corrections',
] as const;

interface BenchModule {
  bench(): Promise<void>;
}

async function main(args: string[]): Promise<number> {
  const unknown = args.filter((a) => !(BENCHMARKS as readonly string[]).includes(a));
  if (unknown.length) {
    console.error(`unknown benchmark: ${unknown.join(', ')} (known: ${BENCHMARKS.join(', ')})`);
    return 2;
  }
  const failed: string[] = [];
  for (const name of args.length ? args : BENCHMARKS) {
    const url = new URL(`./${name}.ts`, import.meta.url);
    if (!existsSync(url)) {
      console.log(`== ${name}: skipped (bench/${name}.ts does not exist yet)\n`);
      continue;
    }
    console.log(`== ${name}`);
    const started = performance.now();
    try {
      const mod = (await import(url.href)) as Partial<BenchModule>;
      if (typeof mod.bench !== 'function') throw new Error(`bench/${name}.ts exports no bench() function`);
      await mod.bench();
      console.log(`== ${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    } catch (err) {
      failed.push(name);
      console.error(`== ${name}: FAILED`);
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      console.log('');
    }
  }
  if (failed.length) console.error(`failed benchmarks: ${failed.join(', ')}`);
  return failed.length ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));

// `kg eval`: score an extract output folder against gold files.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { score, type EvalReport, type Prf } from '../eval/score.ts';
import { readRecords } from '../ingest/records.ts';
import { GoldPage } from '../schema.ts';

export function register(program: Command): void {
  program
    .command('eval')
    .description('score an extract output folder against gold annotations')
    .requiredOption('--gold <dir>', 'folder of <page stem>.gold.json files')
    .requiredOption('--out <dir>', 'the folder `kg extract --out` wrote')
    .option('--misses', 'list every missed and every extra item')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { gold: string; out: string; misses?: boolean; json?: boolean }) => {
      const report = await evaluate(opts.gold, opts.out);
      console.log(opts.json ? JSON.stringify(report, null, 2) : formatReport(report, opts.misses ?? false));
    });
}

export async function evaluate(goldDir: string, outDir: string): Promise<EvalReport> {
  const files = readdirSync(goldDir).filter((f) => f.endsWith('.gold.json')).sort();
  if (files.length === 0) throw new Error(`${goldDir}: no *.gold.json file`);
  const gold = files.map((f) => {
    const parsed = GoldPage.safeParse(JSON.parse(readFileSync(join(goldDir, f), 'utf8')));
    if (!parsed.success) throw new Error(`${join(goldDir, f)}: not a gold file (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
    return { stem: f.replace(/\.gold\.json$/, ''), page: parsed.data };
  });
  return score(gold, await readRecords(outDir));
}

export function formatReport(r: EvalReport, misses: boolean): string {
  const pct = (x: number) => x.toFixed(3);
  const row = (name: string, p: Prf) => `${name.padEnd(16)} ${pct(p.precision)}  ${pct(p.recall)}  ${pct(p.f1)}   ${String(p.tp).padStart(4)} ${String(p.fp).padStart(4)} ${String(p.fn).padStart(4)}`;
  const lines = [
    `articles found: ${r.articles.found}/${r.articles.gold}${r.articles.missing.map((m) => `\n  missing: ${m}`).join('')}`,
    '',
    `${'type'.padEnd(16)} P      R      F1        TP   FP   FN`,
    ...Object.entries(r.entities).sort().map(([t, p]) => row(t, p)),
    row('ENTITIES (5)', r.entityMicro),
    '',
    ...Object.entries(r.relations).sort().map(([t, p]) => row(t, p)),
    row('RELATIONS (3)', r.relationMicro),
    '',
    row('reporters', r.reporters),
    `investments carried: ${r.investments.carried}/${r.investments.gold} (${pct(r.investments.share)})`,
  ];
  if (misses) lines.push('', 'missed:', ...r.misses.map((m) => `  - ${m}`), '', 'extra:', ...r.extras.map((m) => `  + ${m}`));
  return lines.join('\n');
}

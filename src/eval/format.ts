// An eval report as `kg eval` prints it: per type P/R/F1 with counts, the headline micro-F1s, reporters, investments.
import type { EvalReport, Prf } from './score.ts';

export function formatReport(r: EvalReport, misses: boolean): string {
  const pct = (x: number) => x.toFixed(3);
  const row = (name: string, p: Prf) =>
    `${name.padEnd(16)} ${pct(p.precision)}  ${pct(p.recall)}  ${pct(p.f1)}   ${String(p.tp).padStart(4)} ${String(p.fp).padStart(4)} ${String(p.fn).padStart(4)}`;
  const lines = [
    `articles found: ${r.articles.found}/${r.articles.gold}${r.articles.missing.map((m) => `\n  missing: ${m}`).join('')}`,
    '',
    `${'type'.padEnd(16)} P      R      F1        TP   FP   FN`,
    ...Object.entries(r.entities)
      .sort()
      .map(([t, p]) => row(t, p)),
    row('ENTITIES (5)', r.entityMicro),
    '',
    ...Object.entries(r.relations)
      .sort()
      .map(([t, p]) => row(t, p)),
    row('RELATIONS (3)', r.relationMicro),
    '',
    row('reporters', r.reporters),
    `investments carried: ${r.investments.carried}/${r.investments.gold} (${pct(r.investments.share)})`,
  ];
  if (misses)
    lines.push('', 'missed:', ...r.misses.map((m) => `  - ${m}`), '', 'extra:', ...r.extras.map((m) => `  + ${m}`));
  return lines.join('\n');
}

// The recogniser on the gold pages: seeds + dev extracted with `--ner off` and with it on (each page with its gold
// file's city, as `kg eval --pages` does), per-type P/R/F1 side by side. The rule for the combination kept in
// src/extract/ner.ts (NER_TYPES): no precision lost against `--ner off`, recall up.
// Run alone: node --import tsx bench/ner-gold.ts   (KG_GOLD=seeds,dev for other folders, each its gold and pages)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldPages, readGold } from '../src/eval/run.ts';
import { score, type EvalReport, type Prf } from '../src/eval/score.ts';
import { readRecords } from '../src/ingest/records.ts';
import { runExtract } from '../src/run/extract.ts';
import { modelInstalled } from '../src/run/layer.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIRS = (process.env.KG_GOLD ?? 'seeds,dev').split(',').map((d) => join(ROOT, d));

async function evaluate(ner: 'on' | 'off'): Promise<EvalReport> {
  const gold = readGold(DIRS);
  const pages = goldPages(gold, DIRS);
  const out = mkdtempSync(join(tmpdir(), 'kg-ner-gold-'));
  try {
    const cities = pages.map((p) => ({ prefix: p.file, city: p.city }));
    await runExtract(
      pages.map((p) => p.file),
      { out, ner, quiet: true, cities },
    );
    return score(
      gold.map(({ stem, page }) => ({ stem, page })),
      await readRecords(out),
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function bench(): Promise<void> {
  if (!modelInstalled()) {
    console.log("skipped: the recogniser's model is not installed (scripts/install-model.sh)");
    return;
  }
  const [off, on] = [await evaluate('off'), await evaluate('on')];
  const f = (x: number) => x.toFixed(3);
  console.log(`gold pages of ${DIRS.map((d) => d.slice(ROOT.length)).join(' + ')}: --ner off | on`);
  console.log('type            P off  P on   R off  R on   F1 off F1 on   TP/FP/FN off → on');
  const rows = (r: EvalReport): Record<string, Prf> => ({
    ...r.entities,
    ENTITIES: r.entityMicro,
    ...r.relations,
    RELATIONS: r.relationMicro,
  });
  const [a0, b0] = [rows(off), rows(on)];
  for (const [type, a] of Object.entries(a0)) {
    const b = b0[type]!;
    const lost = b.precision < a.precision ? '  precision lost' : '';
    const pair = (k: 'precision' | 'recall' | 'f1') => `${f(a[k])}  ${f(b[k])}`;
    const counts = (x: Prf) => `${x.tp}/${x.fp}/${x.fn}`;
    console.log(
      `${type.padEnd(15)} ${pair('precision')}  ${pair('recall')}  ${pair('f1')}   ${counts(a)} → ${counts(b)}${lost}`,
    );
  }
  // What the recogniser adds and what it finds: the items only one of the runs has wrong or missing.
  const only = (x: string[], y: string[]) => x.filter((i) => !y.includes(i));
  for (const i of only(on.extras, off.extras)) console.log(`  extra with ner: ${i}`);
  for (const i of only(off.misses, on.misses)) console.log(`  found with ner: ${i}`);
  for (const i of only(on.misses, off.misses)) console.log(`  lost with ner: ${i}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();

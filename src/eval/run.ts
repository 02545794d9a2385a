// `kg eval`: gold files read from one or more folders, and the pages they annotate either extracted here (each with
// the home city its gold file names) or taken from an extract folder; then all of them scored together (score.ts).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRecords } from '../ingest/records.ts';
import { runExtract, type ExtractSummary, type RunHooks } from '../run/extract.ts';
import { GoldPage } from '../schema.ts';
import { DEFAULT_CITY } from '../settings.ts';
import { score, type EvalReport } from './score.ts';

export interface GoldFile {
  stem: string;
  path: string;
  page: GoldPage;
}

const GOLD_SUFFIX = '.gold.json';

/** Every `<stem>.gold.json` of the folders; one that is not a gold file, or a stem twice, is an error naming the files. */
export function readGold(dirs: string[]): GoldFile[] {
  const out: GoldFile[] = [];
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(GOLD_SUFFIX))
      .sort();
    if (files.length === 0) throw new Error(`${dir}: no *${GOLD_SUFFIX} file`);
    for (const f of files) {
      const path = join(dir, f);
      const stem = f.slice(0, -GOLD_SUFFIX.length);
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path, 'utf8'));
      } catch (err) {
        throw new Error(`${path}: not JSON (${err instanceof Error ? err.message : String(err)})`);
      }
      const parsed = GoldPage.safeParse(json);
      if (!parsed.success)
        throw new Error(
          `${path}: not a gold file (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`,
        );
      if (seen.has(stem)) throw new Error(`${path}: page ${stem} has a gold file in ${seen.get(stem)} too`);
      seen.set(stem, path);
      out.push({ stem, path, page: parsed.data });
    }
  }
  return out;
}

/** The page each gold file annotates, `<stem>.txt` in one of the page folders (the first that has it), and its city. */
export function goldPages(gold: GoldFile[], pageDirs: string[]): Array<{ file: string; city: string }> {
  return gold.map((g) => {
    const file = pageDirs.map((d) => join(d, `${g.stem}.txt`)).find((f) => existsSync(f));
    if (!file) throw new Error(`${g.path}: no page ${g.stem}.txt in ${pageDirs.join(', ')}`);
    return { file, city: g.page.city ?? DEFAULT_CITY };
  });
}

export interface EvalOptions {
  gold: string[];
  /** Folders of the pages to extract; none: `out` holds an extract already, scored as it is. */
  pages: string[];
  /** Where the pages are extracted (its incremental state reused); unset with `pages`: a temp folder, removed after. */
  out?: string;
}

/** Scores the gold pages; with `pages`, extracts them first, each with its gold file's city. */
export async function evaluate(
  opts: EvalOptions,
  hooks: RunHooks = {},
): Promise<{ report: EvalReport; extract: ExtractSummary | null }> {
  const gold = readGold(opts.gold);
  const scorable = gold.map(({ stem, page }) => ({ stem, page }));
  if (opts.pages.length === 0) {
    if (!opts.out) throw new Error('--out: give the extract folder to score, or --pages to extract');
    return { report: score(scorable, await readRecords(opts.out)), extract: null };
  }
  const pages = goldPages(gold, opts.pages);
  const out = opts.out ?? mkdtempSync(join(tmpdir(), 'kg-eval-'));
  try {
    const summary = await runExtract(
      pages.map((p) => p.file),
      { out, cities: pages.map((p) => ({ prefix: p.file, city: p.city })), quiet: true },
      hooks,
    );
    return { report: score(scorable, await readRecords(out)), extract: summary };
  } finally {
    if (!opts.out) rmSync(out, { recursive: true, force: true });
  }
}

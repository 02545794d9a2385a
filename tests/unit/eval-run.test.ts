// `kg eval` over a set of papers (src/eval/run.ts): each gold page extracted with the city its gold file names, all
// scored together; the old form scores an extract folder as it is.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/eval/run.ts';
import { runExtract } from '../../src/run/extract.ts';

const ROOT = join(import.meta.dirname, '../..');
const PAPERS = join(ROOT, 'tests/fixtures/papers');
const SEEDS = join(ROOT, 'seeds');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kg-eval-run-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kg eval over several papers', () => {
  it('extracts each page with its gold city and scores all pages together', async () => {
    const folders = [join(PAPERS, 'dezhou'), join(PAPERS, 'liaocheng')];
    const { report, extract } = await evaluate({ gold: folders, pages: folders });
    expect(report.articles).toEqual({ gold: 2, found: 2, missing: [] });
    expect(report.entityMicro).toMatchObject({ tp: 10, fp: 0, fn: 0 }); // Agency, County, Person of both pages
    expect(report.misses).toEqual([]);
    expect(report.extras).toEqual([]);
    expect(report.reporters.f1).toBe(1);
    expect(extract?.units.extracted).toBe(2);
    expect(extract?.inferred).toEqual([]); // every page had its city from its gold file (lc1 names none: the default)
  });

  it('takes the default city for a gold file without one: the Dezhou page then misses its city bodies', async () => {
    const papers = join(dir, 'no-city');
    cpSync(join(PAPERS, 'dezhou'), papers, { recursive: true });
    const gold = JSON.parse(readFileSync(join(papers, 'dz1.gold.json'), 'utf8')) as Record<string, unknown>;
    delete gold.city;
    writeFileSync(join(papers, 'dz1.gold.json'), JSON.stringify(gold));
    const { report } = await evaluate({ gold: [papers], pages: [papers] });
    expect(report.misses).toContain('3月5日，我市重点项目: Agency:德州市发展和改革委员会');
    expect(report.extras).toContain('3月5日，我市重点项目: Agency:聊城市发展和改革委员会');
    expect(report.entityMicro.fn).toBeGreaterThan(0);
  });

  it('gives the seeds the same report as scoring a kg extract folder, and reuses the state of --out', async () => {
    const out = join(dir, 'seeds-out');
    await runExtract([SEEDS], { out, workers: 1 });
    const old = await evaluate({ gold: [SEEDS], pages: [], out });
    expect(old.extract).toBeNull();
    const fresh = await evaluate({ gold: [SEEDS], pages: [SEEDS] });
    expect(fresh.report).toEqual(old.report);
    const again = await evaluate({ gold: [SEEDS], pages: [SEEDS], out });
    expect(again.extract?.units).toEqual({ extracted: 0, reused: 2, kept: 0, removed: 0 });
    expect(again.report).toEqual(old.report);
  });

  it('names the gold file whose page is missing, and a stem with two gold files', async () => {
    const lonely = join(dir, 'lonely');
    cpSync(join(PAPERS, 'dezhou', 'dz1.gold.json'), join(lonely, 'dz1.gold.json'));
    await expect(evaluate({ gold: [lonely], pages: [lonely] })).rejects.toThrow(
      `${join(lonely, 'dz1.gold.json')}: no page dz1.txt in ${lonely}`,
    );
    await expect(evaluate({ gold: [lonely, join(PAPERS, 'dezhou')], pages: [PAPERS] })).rejects.toThrow(
      `${join(PAPERS, 'dezhou', 'dz1.gold.json')}: page dz1 has a gold file in ${join(lonely, 'dz1.gold.json')} too`,
    );
    await expect(evaluate({ gold: [lonely], pages: [] })).rejects.toThrow(
      '--out: give the extract folder to score, or --pages to extract',
    );
  });
});

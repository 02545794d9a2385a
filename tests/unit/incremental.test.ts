// Incremental `kg extract`: a re-run extracts only the pages whose content changed, and its output files are the
// same bytes as a full run in a fresh folder; removed pages are kept or (--prune) dropped; the delta is recorded.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedChunks, syntheticPage } from '../../bench/corpus.ts';
import { runExtract } from '../../src/run/extract.ts';
import type { RunSettingsInput } from '../../src/settings.ts';
import { RACY_NS, type RunDelta } from '../../src/state/delta.ts';
import { extractionSources, settingsFingerprint } from '../../src/state/store.ts';

const ROOT = join(import.meta.dirname, '../..');
const OUTPUTS = ['articles.jsonl', 'entities.jsonl', 'relations.jsonl', 'graph.json'];

let dir: string;
let chunks: string[];

const page = (n: number) => syntheticPage(chunks, n);
const pagePath = (corpus: string, n: number) => join(corpus, `p${String(n).padStart(2, '0')}.txt`);

function makeCorpus(name: string, pages: number[]): string {
  const corpus = join(dir, name);
  mkdirSync(corpus, { recursive: true });
  for (const n of pages) writeFileSync(pagePath(corpus, n), page(n));
  return corpus;
}

const extract = (corpus: string, out: string, opts: Partial<RunSettingsInput> = {}) =>
  runExtract([corpus], { out, quiet: true, workers: 1, ...opts });
const bytes = (out: string) => Object.fromEntries(OUTPUTS.map((f) => [f, readFileSync(join(out, f), 'utf8')]));
const lastRun = (out: string) => JSON.parse(readFileSync(join(out, '.state', 'last-run.json'), 'utf8')) as RunDelta;
const ids = (out: string, file: string) =>
  readFileSync(join(out, file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { id: string }).id);

/** The output files of a full run over `corpus` in a fresh folder. */
async function fullRun(corpus: string, opts: Partial<RunSettingsInput> = {}): Promise<Record<string, string>> {
  const out = mkdtempSync(join(dir, 'full-'));
  await extract(corpus, out, opts);
  return bytes(out);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kg-incremental-'));
  chunks = seedChunks();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('incremental extraction', () => {
  it('re-extracts only a changed page, and writes the same bytes as a full run', async () => {
    const corpus = makeCorpus('change', [0, 1, 2, 3, 4]);
    const out = join(dir, 'out-change');
    const first = await extract(corpus, out);
    expect(first.units).toEqual({ extracted: 5, reused: 0, kept: 0, removed: 0 });
    expect(lastRun(out).full).toBe(true);

    const again = await extract(corpus, out);
    expect(again.units).toEqual({ extracted: 0, reused: 5, kept: 0, removed: 0 });
    expect(lastRun(out).pages.unchanged).toBe(5);
    expect(lastRun(out).articles).toEqual({ added: [], changed: [], removed: [] });

    // Page 2 gets the text of page 7 (a different mix of articles): its articles and entities change.
    writeFileSync(pagePath(corpus, 2), page(7));
    const changed = await extract(corpus, out, { workers: 2 });
    expect(changed.units).toEqual({ extracted: 1, reused: 4, kept: 0, removed: 0 });
    const delta = lastRun(out);
    expect(delta.full).toBe(false);
    expect(delta.pages).toEqual({ added: [], changed: [pagePath(corpus, 2)], removed: [], kept: [], unchanged: 4 });
    expect([...delta.articles.changed, ...delta.articles.added].every((id) => id.startsWith('p02#'))).toBe(true);
    expect(delta.articles.changed.length).toBeGreaterThan(0);
    expect(bytes(out)).toEqual(await fullRun(corpus));
  });

  it('takes a file whose stamp is as at the last run without reading it; reads a changed or freshly written one', async () => {
    const corpus = makeCorpus('stamps', [0, 1, 2, 3]);
    const out = join(dir, 'out-stamps');
    await sleep(Number(RACY_NS / 1_000_000n) + 100); // older than the racy window: their stamps can be trusted
    const first = await extract(corpus, out);
    expect([first.units.extracted, first.unread]).toEqual([4, 0]);

    const again = await extract(corpus, out);
    expect(again.units).toEqual({ extracted: 0, reused: 4, kept: 0, removed: 0 });
    expect(again.unread).toBe(4);
    expect(bytes(out)).toEqual(await fullRun(corpus));

    writeFileSync(pagePath(corpus, 2), page(7));
    const changed = await extract(corpus, out);
    expect(changed.units).toEqual({ extracted: 1, reused: 3, kept: 0, removed: 0 });
    expect(changed.unread).toBe(3);
    expect(lastRun(out).pages.changed).toEqual([pagePath(corpus, 2)]);

    // Page 2 was written within the racy window of that run: its stamp was not kept, so it is read (and found unchanged).
    // Damaged entity blocks are merged again from their units.
    const blocks = join(out, '.state', 'blocks');
    for (const f of readdirSync(blocks)) writeFileSync(join(blocks, f), '[{"id": ');
    const racy = await extract(corpus, out);
    expect(racy.units).toEqual({ extracted: 0, reused: 4, kept: 0, removed: 0 });
    expect(racy.unread).toBe(3);
    expect(bytes(out)).toEqual(await fullRun(corpus));
  });

  it('extracts an added page only, in its place in input order', async () => {
    const corpus = makeCorpus('add', [0, 1, 3]);
    const out = join(dir, 'out-add');
    await extract(corpus, out);
    writeFileSync(pagePath(corpus, 2), page(2));
    const s = await extract(corpus, out);
    expect(s.units).toEqual({ extracted: 1, reused: 3, kept: 0, removed: 0 });
    const delta = lastRun(out);
    expect(delta.pages.added).toEqual([pagePath(corpus, 2)]);
    expect(delta.articles.added.length).toBeGreaterThan(0);
    expect(delta.articles.added.every((id) => id.startsWith('p02#'))).toBe(true);
    expect(delta.articles.removed).toEqual([]);
    expect(bytes(out)).toEqual(await fullRun(corpus));
  });

  it('with --prune, drops a removed page and every entity only it mentioned: same bytes as a run without it', async () => {
    // A .jsonl article adds entities that no page mentions.
    const corpus = makeCorpus('prune', [0, 1, 2]);
    writeFileSync(
      join(corpus, 'z_web.jsonl'),
      `${JSON.stringify({ id: 'web-1', text: '本报讯（记者 王小明）8月5日，山东青禾新能源科技有限公司投资5亿元的青禾储能电站项目在茌平区开工建设。' })}\n`,
    );
    const out = join(dir, 'out-prune');
    await extract(corpus, out);
    const entitiesBefore = ids(out, 'entities.jsonl');
    expect(entitiesBefore).toContain('Company:山东青禾新能源科技有限公司');

    rmSync(join(corpus, 'z_web.jsonl'));
    rmSync(pagePath(corpus, 1));
    const s = await extract(corpus, out, { prune: true });
    expect(s.units).toEqual({ extracted: 0, reused: 2, kept: 0, removed: 2 });
    expect(bytes(out)).toEqual(await fullRun(corpus));
    const delta = lastRun(out);
    expect(delta.pages.removed.sort()).toEqual([pagePath(corpus, 1), `${join(corpus, 'z_web.jsonl')}:1`]);
    expect(delta.articles.removed).toContain('web-1');
    expect(delta.articles.removed.filter((id) => id !== 'web-1').every((id) => id.startsWith('p01#'))).toBe(true);
    const entitiesAfter = new Set(ids(out, 'entities.jsonl'));
    expect(delta.entities.removed).toEqual(entitiesBefore.filter((id) => !entitiesAfter.has(id)).sort());
    expect(delta.entities.removed).toContain('Company:山东青禾新能源科技有限公司');
    expect(existsSync(join(out, '.state', 'units'))).toBe(true);
    expect(readdirSync(join(out, '.state', 'units'))).toHaveLength(2); // the removed pages' cache is gone too
  });

  it('without --prune, keeps a removed page, says so, and keeps it until --prune', async () => {
    const corpus = makeCorpus('keep', [0, 1, 2]);
    const out = join(dir, 'out-keep');
    await extract(corpus, out);
    const articles = ids(out, 'articles.jsonl');
    rmSync(pagePath(corpus, 1));
    const s = await extract(corpus, out);
    expect(s.units).toEqual({ extracted: 0, reused: 2, kept: 1, removed: 0 });
    expect(lastRun(out).pages.kept).toEqual([pagePath(corpus, 1)]);
    expect(ids(out, 'articles.jsonl').sort()).toEqual([...articles].sort());
    // Kept pages come after the current ones: the same bytes as a full run with the page moved to the end.
    const moved = makeCorpus('keep-moved', [0, 2]);
    writeFileSync(join(moved, 'zz.txt'), page(1));
    const full = await fullRun(moved);
    const renamed = Object.fromEntries(
      Object.entries(full).map(([f, text]) => [f, text.replaceAll('zz#', 'p01#').replaceAll('"zz.txt"', '"p01.txt"')]),
    );
    expect(bytes(out)).toEqual(renamed);

    const again = await extract(corpus, out);
    expect(again.units.kept).toBe(1);
    const pruned = await extract(corpus, out, { prune: true });
    expect(pruned.units).toEqual({ extracted: 0, reused: 2, kept: 0, removed: 1 });
    expect(bytes(out)).toEqual(await fullRun(corpus));
  });

  it('does not keep a removed page whose articles the inputs produce again (a renamed folder)', async () => {
    const corpus = makeCorpus('rename', [0, 1]);
    const out = join(dir, 'out-rename');
    await extract(corpus, out);
    const renamed = join(dir, 'renamed');
    cpSync(corpus, renamed, { recursive: true });
    const s = await extract(renamed, out);
    expect(s.units).toEqual({ extracted: 0, reused: 2, kept: 0, removed: 2 }); // same content and names: cached
    expect(bytes(out)).toEqual(await fullRun(renamed));
  });

  it('re-extracts everything when the settings change, and a damaged cache entry', async () => {
    const corpus = makeCorpus('settings', [0, 1]);
    const out = join(dir, 'out-settings');
    await extract(corpus, out);
    const other = await extract(corpus, out, { city: '济南市' });
    expect(other.units.extracted).toBe(2);
    expect(bytes(out)).toEqual(await fullRun(corpus, { city: '济南市' }));

    // Unchanged units' lines are copied from the last run's outputs; edited outputs are not trusted, and the units'
    // files in the state are read instead, where a damaged one is extracted again.
    const units = join(out, '.state', 'units');
    const [victim] = readdirSync(units);
    writeFileSync(join(units, victim!), '{"articles": 3}\nnot json\n');
    writeFileSync(join(out, 'articles.jsonl'), 'edited by hand\n');
    const repaired = await extract(corpus, out, { city: '济南市' });
    expect(repaired.units).toEqual({ extracted: 1, reused: 1, kept: 0, removed: 0 });
    expect(bytes(out)).toEqual(await fullRun(corpus, { city: '济南市' }));
  });

  it('fingerprints every extraction source and data file under src/, the dependencies and the settings, but not the CLI or the server', async () => {
    // A copy of the code the fingerprint reads: src/, package.json and (linked) node_modules/.
    const root = join(dir, 'code-copy');
    cpSync(join(ROOT, 'src'), join(root, 'src'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(root, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    const settings = { date: null, ner: 'on' as const };
    const fingerprint = () => settingsFingerprint(settings, root);
    expect(fingerprint()).toBe(settingsFingerprint(settings));

    const corpus = makeCorpus('code', [0, 1, 2]);
    const out = join(dir, 'out-code');
    const run = () => runExtract([corpus], { out, quiet: true, workers: 1 }, { codeRoot: root });
    expect((await run()).units.extracted).toBe(3);
    expect((await run()).units).toEqual({ extracted: 0, reused: 3, kept: 0, removed: 0 });

    // Code in a folder no list names, and a data table: every unit is extracted again.
    let before = fingerprint();
    mkdirSync(join(root, 'src', 'foo'));
    writeFileSync(join(root, 'src', 'foo', 'x.ts'), 'export const rule = 1;\n');
    expect(fingerprint()).not.toBe(before);
    expect((await run()).units).toEqual({ extracted: 3, reused: 0, kept: 0, removed: 0 });
    for (const data of [
      join('lexicon', 'towns.tsv'),
      join('nlp', 'dict', 'user.dict.utf8'),
      join('foo', 'words.json'),
    ]) {
      before = fingerprint();
      writeFileSync(join(root, 'src', data), '东阿\tns\n');
      expect(fingerprint(), data).not.toBe(before);
      expect((await run()).units.extracted, data).toBe(3);
    }
    // A runtime dependency added to package.json (not installed: that is part of the digest too).
    before = fingerprint();
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    writeFileSync(
      join(root, 'package.json'),
      JSON.stringify({ ...pkg, dependencies: { ...pkg.dependencies, 'kg-new-dictionary': '^1.0.0' } }),
    );
    expect(fingerprint()).not.toBe(before);
    // The command line and the viewer's API do not make records: the cache stays.
    before = fingerprint();
    writeFileSync(join(root, 'src', 'cli', 'new-command.ts'), 'export {};\n');
    writeFileSync(join(root, 'src', 'server', 'route.ts'), 'export {};\n');
    expect(fingerprint()).toBe(before);
    expect(settingsFingerprint({ date: null, ner: 'off' }, root)).not.toBe(before);
    expect(settingsFingerprint({ date: '2025-01-02', ner: 'on' }, root)).not.toBe(before);
    expect(extractionSources(root)).toEqual(
      expect.arrayContaining([
        join('foo', 'x.ts'),
        join('lexicon', 'towns.tsv'),
        join('nlp', 'dict', 'idf.stub.utf8'),
        'schema.ts',
      ]),
    );
    expect(extractionSources(root).filter((f) => f.startsWith('cli') || f.startsWith('server'))).toEqual([]);
  });

  it('merges entity blocks again from their units, re-extracting a unit whose cached file is damaged', async () => {
    const corpus = makeCorpus('block', [0, 1, 2]);
    const out = join(dir, 'out-block');
    await extract(corpus, out);
    const state = join(out, '.state');
    const dropBlocks = () => {
      for (const f of readdirSync(join(state, 'blocks'))) rmSync(join(state, 'blocks', f));
    };
    for (const f of readdirSync(join(state, 'units'))) writeFileSync(join(state, 'units', f), 'damaged\n');
    dropBlocks();
    writeFileSync(pagePath(corpus, 1), page(8));
    const s = await extract(corpus, out);
    expect(s.units).toEqual({ extracted: 1, reused: 2, kept: 0, removed: 0 });
    expect(bytes(out)).toEqual(await fullRun(corpus));

    // The damaged files were written anew: with the outputs edited and the blocks gone, every unit is read from them.
    writeFileSync(join(out, 'articles.jsonl'), '');
    dropBlocks();
    const again = await extract(corpus, out);
    expect(again.units).toEqual({ extracted: 0, reused: 3, kept: 0, removed: 0 });
    expect(bytes(out)).toEqual(await fullRun(corpus));
  });

  it('on a full disk, fails with an error naming the file and leaves the previous outputs and state as they were', async () => {
    const corpus = makeCorpus('disk', [0, 1]);
    const out = join(dir, 'out-disk');
    await extract(corpus, out);
    const before = bytes(out);
    const state = readFileSync(join(out, '.state', 'manifest.json'), 'utf8');
    writeFileSync(pagePath(corpus, 1), page(5));
    symlinkSync('/dev/full', join(out, 'relations.jsonl.tmp')); // every write to it fails with ENOSPC
    await expect(extract(corpus, out)).rejects.toThrow(
      `cannot write ${join(out, 'relations.jsonl')}: no space left on device`,
    );
    expect(bytes(out)).toEqual(before);
    expect(readFileSync(join(out, '.state', 'manifest.json'), 'utf8')).toBe(state);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // The next run finds the page extracted by the failed one in the cache, and succeeds.
    const s = await extract(corpus, out);
    expect(s.units).toEqual({ extracted: 0, reused: 2, kept: 0, removed: 0 });
    expect(bytes(out)).toEqual(await fullRun(corpus));
  });
});

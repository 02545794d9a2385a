// `kg extract --ner on|off` on a real page: the recogniser adds a person the rules miss, a flip of the setting
// re-extracts the page (the fingerprint covers it), and the same setting again reuses it (skipped only when the model
// is not installed; CI installs it). A model folder without the model: one warning, the rules alone.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExtract } from '../../src/run/extract.ts';
import { modelInstalled } from '../../src/run/layer.ts';

/** dev/d01.txt names 韩德振 with no title before him (…韩德振参加活动): only the recogniser finds him. */
const PAGE = new URL('../../dev/d01.txt', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'kg-run-ner-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const persons = (): string[] =>
  readFileSync(join(out, 'entities.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string })
    .map((e) => e.id)
    .filter((id) => id.startsWith('Person:'));

describe.skipIf(!modelInstalled())('the recogniser in a run (skipped: the model is not in .models/lac/)', () => {
  it('differs with --ner off and on, and re-extracts when the setting flips', async () => {
    const run = (ner: 'on' | 'off') => runExtract([PAGE], { out, ner, city: '聊城市', quiet: true, graph: false });
    const off = await run('off');
    expect(off.units.extracted).toBe(1);
    const withoutModel = persons();
    expect(withoutModel).not.toContain('Person:韩德振');

    const on = await run('on');
    expect([on.units.extracted, on.units.reused]).toEqual([1, 0]);
    expect(persons()).toContain('Person:韩德振');
    // The rules' own finds stay: the recogniser only adds.
    expect(persons()).toEqual(expect.arrayContaining(withoutModel));

    expect((await run('on')).units.reused).toBe(1);
    const again = await run('off');
    expect([again.units.extracted, again.units.reused]).toEqual([1, 0]);
    expect(persons()).toEqual(withoutModel);
  });
});

describe('a run whose recogniser has no model', () => {
  it('says so once, runs the rules alone and re-extracts once the model is there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-run-ner-absent-'));
    const empty = mkdtempSync(join(tmpdir(), 'kg-no-model-'));
    try {
      const warnings: string[] = [];
      const hooks = (modelDir?: string) => ({
        ...(modelDir ? { modelDir } : {}),
        warn: (m: string) => warnings.push(m),
      });
      const settings = { out: dir, city: '聊城市', quiet: true, graph: false };
      const run = (ner: 'on' | 'off', modelDir?: string) =>
        runExtract([PAGE, PAGE.replace('d01', 'd02')], { ...settings, ner }, hooks(modelDir));
      await run('off');
      const rulesAlone = readFileSync(join(dir, 'entities.jsonl'), 'utf8');
      const absent = await run('on', empty);
      expect(warnings).toEqual([expect.stringContaining(`the recogniser's model is not installed in ${empty}`)]);
      expect(absent.units.extracted).toBe(2); // `ner absent` is a fingerprint of its own
      expect(readFileSync(join(dir, 'entities.jsonl'), 'utf8')).toBe(rulesAlone);
      if (modelInstalled()) expect((await run('on')).units.extracted).toBe(2);
      expect(warnings).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

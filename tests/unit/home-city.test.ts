// Several papers in one run: each page is extracted with its home city, given by a --city NAME=PATH rule or inferred
// from the places it names (src/extract/home-city.ts), and a re-run reuses both.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCityIndex, inferHomeCity } from '../../src/extract/home-city.ts';
import { runExtract } from '../../src/run/extract.ts';
import type { Entity } from '../../src/schema.ts';
import { DEFAULT_CITY } from '../../src/settings.ts';

const PAPERS = join(import.meta.dirname, '../fixtures/papers');
const OUTPUTS = ['articles.jsonl', 'entities.jsonl', 'relations.jsonl', 'graph.json'];

let dir: string;
let corpus: string;
const page = (paper: string, name: string) => readFileSync(join(PAPERS, paper, name), 'utf8');
const entities = (out: string) =>
  new Map(
    readFileSync(join(out, 'entities.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Entity)
      .map((e) => [e.id, e]),
  );
const bytes = (out: string) => Object.fromEntries(OUTPUTS.map((f) => [f, readFileSync(join(out, f), 'utf8')]));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kg-papers-'));
  corpus = join(dir, 'papers');
  cpSync(PAPERS, corpus, { recursive: true });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('home city inference', () => {
  it('names the city whose own name, counties, towns and bodies the page names most', () => {
    expect(inferHomeCity(page('dezhou', 'dz1.txt'))).toEqual({ city: '德州市', mentions: expect.any(Number) });
    expect(inferHomeCity(page('liaocheng', 'lc1.txt'))?.city).toBe('聊城市');
    expect(inferHomeCity('我市召开会议，市市场监管局作了发言。')).toBeNull();
    // Counties and towns vote for their city: 禹城市 is 德州市's, though 聊城市 is named once.
    expect(inferHomeCity('聊城市客商到禹城市、齐河县考察。')?.city).toBe('德州市');
  });

  it('counts a form several cities share for none of them, and the longest form first', () => {
    const index = buildCityIndex({
      provinces: [{ code: '37', name: '山东省' }],
      cities: [
        { code: '3714', name: '德州市', provinceCode: '37' },
        { code: '3715', name: '聊城市', provinceCode: '37' },
      ],
      areas: [
        { code: '371482', name: '禹城市', cityCode: '3714', provinceCode: '37' },
        { code: '371502', name: '东昌府区', cityCode: '3715', provinceCode: '37' },
      ],
      streets: [
        { code: '371482100', name: '城关镇', areaCode: '371482', cityCode: '3714' },
        { code: '371502100', name: '城关镇', areaCode: '371502', cityCode: '3715' },
        { code: '371502101', name: '古楼街道', areaCode: '371502', cityCode: '3715' },
      ],
    });
    expect(inferHomeCity('城关镇、城关镇、城关镇', index)).toBeNull();
    // 振兴 (振兴区 of 丹东市) inside a person's name is no sign of the paper's city; twice, or 振兴区 in full, is.
    expect(inferHomeCity('过去几年来，杨振兴一直在网站上刊登广告。')).toBeNull();
    expect(inferHomeCity('振兴区召开会议。')?.city).toBe('丹东市');
    expect(inferHomeCity('禹城市城关镇', index)).toEqual({ city: '德州市', mentions: 1 });
    expect(inferHomeCity('东昌府古楼街道，禹城', index)).toEqual({ city: '聊城市', mentions: 2 });
    // A tie goes to the city named first.
    expect(inferHomeCity('禹城市、东昌府', index)?.city).toBe('德州市');
  });
});

describe('several papers in one run', () => {
  const check = (out: string) => {
    const e = entities(out);
    // 我市 and 市发展改革委 of the Dezhou page are Dezhou's, those of the Liaocheng page Liaocheng's.
    expect(e.get('City:德州市')).toMatchObject({ aliases: ['我市'], articles: ['dezhou/dz1#1'] });
    expect(e.get('City:聊城市')).toMatchObject({ aliases: ['我市'], articles: ['liaocheng/lc1#1'] });
    expect(e.get('Agency:德州市发展和改革委员会')?.articles).toEqual(['dezhou/dz1#1']);
    expect(e.get('Agency:聊城市市场监督管理局')?.articles).toEqual(['liaocheng/lc1#1']);
    expect(e.get('Town:伦镇')?.props.division_code).toMatch(/^371482/); // the Dezhou gazetteer's towns
    expect([...e.keys()].some((id) => id.startsWith('Agency:聊城市发展'))).toBe(false);
  };

  it("infers each page's city when no --city is given, reports it, and a re-run reuses both pages", async () => {
    const out = join(dir, 'inferred');
    const first = await runExtract([corpus], { out, workers: 1 });
    check(out);
    expect(first.inferred).toEqual([
      { key: join(corpus, 'dezhou', 'dz1.txt'), city: '德州市', from: 'text' },
      { key: join(corpus, 'liaocheng', 'lc1.txt'), city: '聊城市', from: 'text' },
    ]);
    const again = await runExtract([corpus], { out, workers: 2 });
    expect(again.units).toEqual({ extracted: 0, reused: 2, kept: 0, removed: 0 });
    expect(again.inferred).toEqual(first.inferred);
    check(out);
  });

  it('takes a --city NAME=PATH rule over inference, the plain --city for the rest; the same cities reuse the cache', async () => {
    const out = join(dir, 'mapped');
    await runExtract([corpus], { out, workers: 1 });
    const mapped = { cities: [{ prefix: join(corpus, 'dezhou'), city: '德州市' }], city: '聊城市' };
    const s = await runExtract([corpus], { out, workers: 1, ...mapped });
    // New rules: every file is read again, but each unit's city (part of its hash) is as inferred: nothing to extract.
    expect(s.units).toEqual({ extracted: 0, reused: 2, kept: 0, removed: 0 });
    expect(s.inferred).toEqual([]);
    check(out);
    const fresh = join(dir, 'mapped-fresh');
    await runExtract([corpus], { out: fresh, workers: 1, ...mapped });
    expect(bytes(fresh)).toEqual(bytes(out));

    // A rule that gives the Dezhou page to Liaocheng: that page alone is extracted again, and its 我市 is Liaocheng.
    const wrong = await runExtract([corpus], {
      out,
      workers: 1,
      cities: [{ prefix: join(corpus, 'dezhou'), city: '聊城市' }],
    });
    expect(wrong.units).toEqual({ extracted: 1, reused: 1, kept: 0, removed: 0 });
    expect(wrong.inferred).toEqual([{ key: join(corpus, 'liaocheng', 'lc1.txt'), city: '聊城市', from: 'text' }]);
    expect(entities(out).get('City:聊城市')?.articles).toEqual(['dezhou/dz1#1', 'liaocheng/lc1#1']);
    expect(entities(out).has('Agency:德州市发展和改革委员会')).toBe(false);
  });

  it('falls back to the default city for a page that names no city', async () => {
    const plain = join(dir, 'plain');
    mkdirSync(plain);
    writeFileSync(join(plain, 'p1.txt'), '本报讯 我市召开会议，市市场监管局作了发言。\n');
    const out = join(dir, 'default');
    const s = await runExtract([plain], { out, workers: 1 });
    expect(s.inferred).toEqual([{ key: join(plain, 'p1.txt'), city: DEFAULT_CITY, from: 'default' }]);
    expect(entities(out).get('Agency:聊城市市场监督管理局')?.articles).toEqual(['p1#1']);
  });
});

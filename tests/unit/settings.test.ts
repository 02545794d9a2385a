// The run settings (src/settings.ts): defaults, and a bad value refused with a message naming its flag and value.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cityFlags, cityRulesKey, DEFAULT_CITY, parseSettings, settingsCityFor } from '../../src/settings.ts';

describe('run settings', () => {
  it('fills the defaults: no plain city (inferred), the recogniser on, graph.json written, nothing pruned', () => {
    expect(parseSettings({ out: 'o' })).toEqual({
      out: 'o',
      cities: [],
      date: null,
      ner: 'on',
      prune: false,
      full: false,
      wait: false,
      graph: true,
      quiet: false,
    });
    expect(DEFAULT_CITY).toBe('聊城市');
  });

  it('takes a city by full or short name as its full name, and a real calendar date', () => {
    const s = parseSettings({
      out: 'o',
      city: '德州',
      cities: [{ prefix: 'p', city: '菏泽市' }],
      date: '2024-02-29',
      workers: 2,
    });
    expect([s.city, s.cities, s.date, s.workers]).toEqual([
      '德州市',
      [{ prefix: 'p', city: '菏泽市' }],
      '2024-02-29',
      2,
    ]);
  });

  it('refuses a bad date, naming --date', () => {
    expect(() => parseSettings({ out: 'o', date: '2023-13-45' })).toThrow(
      '--date 2023-13-45: expected a calendar date YYYY-MM-DD',
    );
    expect(() => parseSettings({ out: 'o', date: '2023-02-29' })).toThrow(
      '--date 2023-02-29: expected a calendar date YYYY-MM-DD',
    );
    expect(() => parseSettings({ out: 'o', date: '2023/01/05' })).toThrow(
      '--date 2023/01/05: expected a calendar date YYYY-MM-DD',
    );
  });

  it('refuses a worker count that is not a whole number ≥ 1, as the flag gave it', () => {
    for (const w of [0, 2.5, -1, 'abc'])
      expect(() => parseSettings({ out: 'o', workers: w })).toThrow(`--workers ${w}: expected a whole number ≥ 1`);
    expect(() => parseSettings({ out: 'o', workers: '' })).toThrow('--workers: expected a whole number ≥ 1');
    expect(parseSettings({ out: 'o', workers: '3' }).workers).toBe(3);
  });

  it('refuses an unknown city, plain or mapped, naming --city, and an unknown --ner', () => {
    expect(() => parseSettings({ out: 'o', city: '火星市' })).toThrow(
      '--city 火星市: not a prefecture-level city of the national division list',
    );
    expect(() => parseSettings({ out: 'o', cities: [{ prefix: 'p', city: '东阿县' }] })).toThrow(
      '--city 东阿县: not a prefecture-level city',
    );
    expect(() => parseSettings({ out: 'o', ner: 'maybe' as 'on' })).toThrow("--ner maybe: expected 'on' or 'off'");
    expect(() => parseSettings({ out: '' })).toThrow('--out: an output folder is required');
  });

  it('reads --city flags: NAME=PATH rules and at most one plain city', () => {
    expect(cityFlags(['德州市=pages/dezhou', '聊城市', '菏泽市=pages/heze'])).toEqual({
      city: '聊城市',
      cities: [
        { city: '德州市', prefix: 'pages/dezhou' },
        { city: '菏泽市', prefix: 'pages/heze' },
      ],
    });
    expect(cityFlags([])).toEqual({ cities: [] });
    expect(() => cityFlags(['聊城市', '德州市'])).toThrow('--city 聊城市, 德州市: give one plain city');
    expect(() => cityFlags(['德州市='])).toThrow('--city 德州市=: expected NAME=PATH');
  });

  it('gives an input the city of the longest rule prefix that holds it (relative to the working folder), else the plain city, else null', () => {
    const s = parseSettings({
      out: 'o',
      cities: [
        { prefix: 'pages', city: '德州市' },
        { prefix: 'pages/heze', city: '菏泽市' },
      ],
    });
    const cwd = '/work/papers';
    expect(settingsCityFor('/work/papers/pages/heze/a.txt', s, cwd)).toBe('菏泽市');
    expect(settingsCityFor('pages/b.txt', s, cwd)).toBe('德州市');
    expect(settingsCityFor('pages-old/c.txt', s, cwd)).toBeNull(); // a prefix of the name is not a folder
    expect(settingsCityFor('other/c.txt', { ...s, city: '聊城市' }, cwd)).toBe('聊城市');
    expect(cityRulesKey(s, cwd)).toBe(
      JSON.stringify({
        city: null,
        cities: [
          [join(cwd, 'pages'), '德州市'],
          [resolve(cwd, 'pages/heze'), '菏泽市'],
        ],
      }),
    );
  });
});

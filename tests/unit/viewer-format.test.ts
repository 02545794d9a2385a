// The viewer's pure parts: amounts, evidence highlighting, property rows, seed positions.
import { describe, expect, it } from 'vitest';
import {
  formatValue,
  formatYuan,
  highlightSegments,
  propertyRows,
  relationPropsText,
} from '../../viewer/src/format.ts';
import { hash01, seedPosition } from '../../viewer/src/graph.ts';

describe('formatYuan', () => {
  it.each([
    [2_340_000_000, '23.4亿元'],
    [890_000_000, '8.9亿元'],
    [5_000_000_000, '50亿元'],
    [1_200_000, '120万元'],
    [15_480_000, '1548万元'],
    [123_456_789, '1.23亿元'],
    [800, '800元'],
  ])('%d → %s', (yuan, text) => expect(formatYuan(yuan)).toBe(text));

  it('formats *_yuan properties and joins lists with 、', () => {
    expect(formatValue('amount_yuan', 1_200_000)).toBe('120万元');
    expect(formatValue('aliases', ['东阿', '东阿县'])).toBe('东阿、东阿县');
    expect(formatValue('count', 3)).toBe('3');
  });
});

describe('highlightSegments', () => {
  it('marks both names, the longest where they overlap', () => {
    const segs = highlightSegments('海韵能源项目落户东阿县，东阿人欢迎', ['海韵能源项目', '东阿县', '东阿']);
    expect(segs).toEqual([
      { text: '海韵能源项目', hit: true },
      { text: '落户', hit: false },
      { text: '东阿县', hit: true },
      { text: '，', hit: false },
      { text: '东阿', hit: true },
      { text: '人欢迎', hit: false },
    ]);
  });

  it('keeps markup as plain text and loses no character', () => {
    const text = '<script>alert(1)</script>东阿县';
    const segs = highlightSegments(text, ['东阿县', '']);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs[0]).toEqual({ text: '<script>alert(1)</script>', hit: false });
  });
});

describe('property rows', () => {
  it('shows investment in 亿元 and leaves drawing state out', () => {
    const rows = propertyRows({
      id: 'Project:x',
      type: 'Project',
      name: 'x',
      body: '正文',
      x: 1,
      y: 2,
      size: 3,
      investment_yuan: 2_340_000_000,
      aliases: ['a', 'b'],
      articles: [],
    });
    expect(rows).toEqual([
      ['投资额', '23.4亿元'],
      ['别名', 'a、b'],
    ]);
  });

  it('puts relation properties in one line without the mention count', () => {
    expect(relationPropsText({ title: '党组书记、局长', count: 2 })).toBe('党组书记、局长');
    expect(relationPropsText({ amount_yuan: 1_200_000 })).toBe('120万元');
  });
});

describe('seed positions', () => {
  it('are the same on every load and spread apart', () => {
    expect(seedPosition('Project:a', 'Project')).toEqual(seedPosition('Project:a', 'Project'));
    expect(seedPosition('Project:a', 'Project')).not.toEqual(seedPosition('Project:b', 'Project'));
    expect(hash01('x')).toBeGreaterThanOrEqual(0);
    expect(hash01('x')).toBeLessThan(1);
    const near = seedPosition('Person:p', 'Person', { x: 500, y: 500 });
    expect(Math.hypot(near.x - 500, near.y - 500)).toBeLessThanOrEqual(10);
  });
});

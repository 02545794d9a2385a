import { describe, expect, it } from 'vitest';
import { findAmounts, parseAmount } from '../../src/extract/amount.ts';

describe('parseAmount', () => {
  it.each([
    ['8.9亿元', 890_000_000],
    ['2000万元', 20_000_000],
    ['120万元', 1_200_000],
    ['23.4亿元', 2_340_000_000],
    ['0.5万元', 5_000],
    ['350元', 350],
    ['3千万元', 30_000_000],
    ['1.2万亿元', 1_200_000_000_000],
    ['三亿元', 300_000_000],
    ['一亿二千万元', 120_000_000],
    ['两亿元', 200_000_000],
    ['一点五亿元', 150_000_000],
    ['三千万元', 30_000_000],
  ])('%s → %d yuan exactly', (text, yuan) => {
    expect(parseAmount(text)).toBe(yuan);
  });

  it('is exact where binary floating point is not (1.15 × 1e8, 0.07 × 1e8, 0.57 × 1e4)', () => {
    // The naive products are 114999999.99999999, 7000000.000000001 and 5699.999999999999.
    expect(parseAmount('1.15亿元')).toBe(115_000_000);
    expect(parseAmount('0.07亿元')).toBe(7_000_000);
    expect(parseAmount('0.57万元')).toBe(5_700);
  });

  it('accepts a space a column break left between number and unit, and surrounding blanks', () => {
    expect(parseAmount(' 8.9 亿元 ')).toBe(890_000_000);
  });

  it('returns null for what is not one amount in yuan', () => {
    for (const text of ['8.9亿', '约8.9亿元', '8.9亿元左右', '8.9亿美元', '', '总投资'])
      expect(parseAmount(text), text).toBeNull();
  });
});

describe('findAmounts', () => {
  it('finds every amount of a sentence with its text and offsets', () => {
    const s = '该项目总投资23.4亿元，其中一期投资8.9亿元，年可实现税收2000万元。';
    const found = findAmounts(s);
    expect(found.map((a) => [a.yuan, a.text])).toEqual([
      [2_340_000_000, '23.4亿元'],
      [890_000_000, '8.9亿元'],
      [20_000_000, '2000万元'],
    ]);
    for (const a of found) expect(s.slice(a.start, a.end)).toBe(a.text);
  });

  it('takes the longest unit (万亿元 before 亿元, 万元 before 元)', () => {
    expect(findAmounts('奖励资金120万元').map((a) => a.yuan)).toEqual([1_200_000]);
    expect(findAmounts('规模达1.5万亿元').map((a) => a.yuan)).toEqual([1_500_000_000_000]);
  });

  it('finds nothing in a sentence without an amount in yuan', () => {
    expect(findAmounts('今年上半年全市工业产值增长三成，新增就业岗位1200个。')).toEqual([]);
    expect(findAmounts('项目占地300亩，年产10万吨。')).toEqual([]);
  });
});

// Money printed in Chinese units → yuan: 总投资8.9亿元 → 890000000, 2000万元 → 20000000, 3千万元 → 30000000, and
// Chinese numerals (总投资三亿元, 一亿二千万元, 一点五亿元) through nzh, the maintained numeral library.
import nzh from 'nzh/cn';

export interface Amount {
  yuan: number;
  text: string;
  start: number;
  end: number;
}

/** A number in yuan: digits with an optional Chinese multiplier (8.9亿, 3千万), or Chinese numerals (三亿, 一点五亿). */
export const AMOUNT_SOURCE =
  '(?:\\d+(?:\\.\\d+)?\\s*[十百千万亿]*|[零〇一二两三四五六七八九十百千万亿点]*[一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿点]*)元';
const AMOUNT = new RegExp(AMOUNT_SOURCE, 'g');
const WHOLE = new RegExp(`^${AMOUNT_SOURCE}$`);
const DIGIT: Record<string, string> = {
  零: '0',
  〇: '0',
  一: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  点: '.',
};

export function parseAmount(text: string): number | null {
  const t = text.trim();
  return WHOLE.test(t) ? toYuan(t.slice(0, -1).replace(/\s+/g, '')) : null;
}

export function findAmounts(text: string): Amount[] {
  const out: Amount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const yuan = toYuan(m[0].slice(0, -1).replace(/\s+/g, ''));
    if (yuan !== null) out.push({ yuan, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * A mantissa and a run of multipliers (8.9亿, 3千万, 一点五亿, 1.2万亿) in decimal arithmetic on the digits, so 8.9亿 is
 * exactly 890000000 and not 889999999.9999999; other Chinese numerals (三亿, 一亿二千万) as nzh reads them.
 */
function toYuan(num: string): number | null {
  const m = /^(\d+(?:\.\d+)?|[零〇一二两三四五六七八九]+点[零〇一二两三四五六七八九]+)([十百千万亿]*)$/.exec(num);
  if (m) {
    const mantissa = [...m[1]!].map((c) => DIGIT[c] ?? c).join('');
    const scale = m[2] ? Number(nzh.decodeS(`一${m[2]}`)) : 1;
    const [int, frac = ''] = mantissa.split('.');
    return Math.round((Number(int + frac) * scale) / 10 ** frac.length);
  }
  // nzh reads 二 but not 两 (两亿), and 〇 as 零.
  const value = Number(nzh.decodeS(num.replace(/两/g, '二').replace(/〇/g, '零')));
  return Number.isFinite(value) && value > 0 ? value : null;
}

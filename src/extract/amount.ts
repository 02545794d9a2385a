// Money printed in Chinese units → yuan: 总投资8.9亿元 → 890000000, 2000万元 → 20000000, 120万元 → 1200000.
export interface Amount {
  yuan: number;
  text: string;
  start: number;
  end: number;
}

const UNIT: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8, 千万元: 1e7, 百万元: 1e6, 万亿元: 1e12 };
const AMOUNT = /(\d+(?:\.\d+)?)\s*(万亿元|千万元|百万元|亿元|万元|元)/g;

export function parseAmount(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(万亿元|千万元|百万元|亿元|万元|元)$/.exec(text.trim());
  return m ? toYuan(m[1]!, m[2]!) : null;
}

export function findAmounts(text: string): Amount[] {
  const out: Amount[] = [];
  for (const m of text.matchAll(AMOUNT)) out.push({ yuan: toYuan(m[1]!, m[2]!), text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

// Decimal arithmetic on the digits, so 8.9亿 is exactly 890000000 and not 889999999.9999999.
function toYuan(num: string, unit: string): number {
  const [int, frac = ''] = num.split('.');
  const scale = UNIT[unit]!;
  return Math.round(Number(int + frac) * scale / 10 ** frac.length);
}

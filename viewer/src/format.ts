// Text shown in the side panel, computed from data: amounts in 亿元/万元, evidence split into highlighted parts,
// node properties as rows. Pure functions; the DOM code only inserts their output as text.

/** 2340000000 → 23.4亿元, 1200000 → 120万元, 800 → 800元 (at most two decimals, no trailing zeros). */
export function formatYuan(yuan: number): string {
  const scaled = (value: number, unit: string) => `${Number(value.toFixed(2)).toString()}${unit}`;
  const abs = Math.abs(yuan);
  if (abs >= 1e8) return scaled(yuan / 1e8, '亿元');
  if (abs >= 1e4) return scaled(yuan / 1e4, '万元');
  return scaled(yuan, '元');
}

export interface Segment {
  text: string;
  hit: boolean;
}

/**
 * Splits `text` into plain and highlighted parts, highlighting every occurrence of any term (the longest term wins
 * where several start at the same place, so 东阿县 is one mark, not 东阿 + 县).
 */
export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  const wanted = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  const out: Segment[] = [];
  const push = (s: string, hit: boolean) => {
    const last = out[out.length - 1];
    if (last && last.hit === hit) last.text += s;
    else out.push({ text: s, hit });
  };
  let i = 0;
  while (i < text.length) {
    const term = wanted.find((t) => text.startsWith(t, i));
    if (term) {
      push(term, true);
      i += term.length;
    } else {
      push(text[i]!, false);
      i += 1;
    }
  }
  return out;
}

/** Node attributes shown elsewhere (heading, colour), too long for a table (an article's body), or drawing state. */
const NOT_SHOWN = new Set([
  'id',
  'type',
  'entityType',
  'label',
  'name',
  'body',
  'x',
  'y',
  'size',
  'color',
  'hidden',
  'highlighted',
  'forceLabel',
  'zIndex',
]);

const PROPERTY_ZH: Record<string, string> = {
  aliases: '别名',
  investment_yuan: '投资额',
  investment_text: '投资（原文）',
  articles: '出现于文章',
  division_code: '区划代码',
  title: '标题',
  kicker: '眉题',
  subtitle: '副题',
  date: '日期',
  file: '版面文件',
  amount_yuan: '金额',
  role: '角色',
  count: '次数',
};

/** What the panel and the tables call a property. */
export const propertyName = (key: string): string => PROPERTY_ZH[key] ?? key;

/** Whether a node property is shown in the panel and the node table. */
export const isShownProperty = (key: string): boolean => !NOT_SHOWN.has(key);

/** A property value as text: amounts in 亿元/万元, lists joined with 、. */
export function formatValue(key: string, value: unknown): string {
  if (typeof value === 'number' && key.endsWith('_yuan')) return formatYuan(value);
  if (Array.isArray(value)) return value.map((v) => String(v)).join('、');
  if (value === null || value === undefined) return '';
  return String(value);
}

/** The rows of the properties table: [label, text], empty values left out. */
export function propertyRows(attrs: Record<string, unknown>): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(attrs)) {
    if (!isShownProperty(key)) continue;
    const text = formatValue(key, value);
    if (text) rows.push([propertyName(key), text]);
  }
  return rows;
}

/** A relation's properties in one line: `党组书记、局长`, `建设`, `120万元`. */
export function relationPropsText(props: Record<string, unknown>): string {
  return Object.entries(props)
    .filter(([k]) => k !== 'count')
    .map(([k, v]) => formatValue(k, v))
    .filter(Boolean)
    .join(' · ');
}

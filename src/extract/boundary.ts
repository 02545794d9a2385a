// Where a name that ends in a known suffix (…有限公司, …项目, …大学) starts. Chinese prints no space before a name,
// so the start is found by walking left over name characters and stopping at punctuation or a function word.
import {
  BOUNDARY_WORDS,
  COMPANY_SUFFIXES,
  ORGANIZATION_SUFFIXES,
  PROJECT_SUFFIXES,
  REFERENCE_PREFIXES,
  TITLES,
} from '../lexicon/names.ts';
import { readTable } from '../lexicon/table.ts';
import { tokens } from '../nlp/jieba.ts';

const NAME_CHAR = /[\p{Script=Han}A-Za-z0-9·•（）()×.]/u;
const BOUNDARY = new Set(BOUNDARY_WORDS);
const MAX_NAME = 32;
const UNITS = readTable('capacity-units.tsv', { columns: ['unit'] })
  .map((r) => r.unit)
  .sort((a, b) => b.length - a.length);
/** A capacity (年产5万吨, 2×66万千瓦, 五万纱锭): part of a project's name; its numbers are no boundary. */
export const CAPACITY = new RegExp(
  `(?:年产|年加工|年处理|年出栏|年存栏|日产|日处理|年)?(?:能力)?[0-9０-９.．×xX一二三四五六七八九十百千两]+(?:万|亿|千)?(?:${UNITS.join('|')})`,
);
/** 一期, 二期: jieba tags a phase as an adverb, but it belongs to the name. */
const PHASE_WORD = /^[一二三四五六七八九十\d]+期$/;
const TITLE_WORDS = [...TITLES];
/** Text ending in a name's suffix, a place or a group of people: the conjunction after it joins two things. */
const ENDS_NAME = new RegExp(
  `(?:${[...COMPANY_SUFFIXES, ...PROJECT_SUFFIXES, ...ORGANIZATION_SUFFIXES, '局', '委', '政府', '办', '区', '县', '市', '镇', '乡', '同志', '人员', '部门', '企业', '单位', '群众'].join('|')})$`,
);
const WORK_VERBS = new Set(readTable('work-verbs.tsv', { columns: ['verb'] }).map((r) => r.verb));
/** Prepositions and particles jieba may glue to the first characters of a name it does not know. */
const GLUED = ['由', '在', '对', '与', '和', '从', '向', '把', '被', '给', '的', '为', '将', '是'];
/** Of those, the ones that open no name, glued to one character as well (在济郑高铁…: 在济/x). */
const GLUED_TO_ONE = ['在', '对', '把', '被', '给'];
/** Aspect particles never start a name, so jieba's 着济 (标志着济郑高铁) is cut after them even in a short token. */
const PARTICLES = ['着', '了', '过'];
// Part-of-speech tags that never start a name: prepositions, conjunctions, particles, numerals, quantifiers.
const BOUNDARY_TAGS = /^(p|c|u.*|r|y|e|o|ud|uj|ul|uz|uv|ug)$/;
// Numbers and counts (3台, 十大, 两个); jieba's m/q tags also cover words like 零部件, so the form decides.
const COUNT = /^(\d|[一二两三四五六七八九十百千万亿几数多]+[个家项座条批台处大]?$)/;
/** A number inside a name (尼龙6, 3D打印) is no count: a count is followed by its classifier or ends the text before. */
const COUNTED = /^[\d.]*[个家项座条批台处]/;

/**
 * The start of the name whose suffix starts at `suffixStart` in `text`. Never before `limit`. A name may hold
 * one coordinated modifier pair (高强度、高精密直螺纹紧固件项目) when it follows 的 directly.
 */
export function nameStart(text: string, suffixStart: number, limit = 0, joins: readonly string[] = []): number {
  // No name runs longer than this before its suffix; the cap keeps jieba's work per name small.
  limit = Math.max(limit, suffixStart - MAX_NAME);
  let i = suffixStart;
  let depth = 0;
  while (i > limit) {
    const ch = text[i - 1]!;
    if (ch === '）' || ch === ')') depth++;
    else if (ch === '（' || ch === '(') {
      if (depth === 0) break;
      depth--;
    } else if (!NAME_CHAR.test(ch)) break;
    i--;
  }
  if (depth > 0) {
    // An unbalanced bracket: the name starts after it.
    const close = Math.max(text.lastIndexOf('）', suffixStart), text.lastIndexOf(')', suffixStart));
    i = close + 1;
  }
  let start = i;
  const span = text.slice(i, suffixStart);
  // Walk jieba's tokens from the right; the name starts after the last boundary token outside brackets
  // (达瑞新能源产业园（新森智造及三信电子）项目 keeps its 及).
  const toks = tokens(span);
  // 年产5万吨特种纸项目: a capacity is part of a project's name; its numbers are no boundary.
  const capacities = [...span.matchAll(new RegExp(CAPACITY, 'g'))].map((c) => ({
    start: c.index,
    end: c.index + c[0].length,
  }));
  const inCapacity = (t: { start: number; end: number }) => capacities.some((c) => t.start < c.end && t.end > c.start);
  let brackets = 0;
  for (let k = toks.length - 1; k >= 0; k--) {
    const t = toks[k]!;
    if (/[）)]/.test(t.word)) brackets++;
    if (/[（(]/.test(t.word)) brackets--;
    if (brackets > 0) continue;
    if (inCapacity(t) || PHASE_WORD.test(t.word)) continue;
    // 污水处理厂新建工程, 生产线扩建项目: a verb right before the suffix names the work, it does not introduce the name.
    if (t.end === span.length && WORK_VERBS.has(t.word)) continue;
    // A list item opens with its name: 、比逗仕休闲食品项目 starts at 比, which jieba reads as a preposition.
    if (t.start === 0 && t.word.length === 1 && toks[1]?.tag === 'x' && /[、，]/.test(text[i - 1] ?? '')) continue;
    // 高端汽车装备及零部件项目: a conjunction joins two parts of one name unless a name ends before it.
    if (joins.includes(t.word) && !ENDS_NAME.test(span.slice(0, t.start))) continue;
    const title = TITLE_WORDS.some((w) => t.word.endsWith(w));
    const count = COUNT.test(t.word) && (!/^\d/.test(t.word) || COUNTED.test(span.slice(t.end)));
    if (BOUNDARY.has(t.word) || BOUNDARY_TAGS.test(t.tag) || count || title) {
      start = i + t.end;
      break;
    }
    // jieba glues a preposition to an unknown name (由鲁西 in 由鲁西化工集团): the name starts after it.
    if (
      t.tag === 'x'
      && ((t.word.length > 2 && GLUED.includes(t.word[0]!))
        || (t.word.length >= 2 && (PARTICLES.includes(t.word[0]!) || GLUED_TO_ONE.includes(t.word[0]!))))
    ) {
      start = i + t.start + 1;
      break;
    }
  }
  // 开工建设2×35万千瓦…项目: a work verb that opens what is left is the sentence's verb, not the name's first word.
  for (const t of toks) {
    if (i + t.start !== start || !WORK_VERBS.has(t.word) || suffixStart - (i + t.end) < 4) continue;
    start = i + t.end;
  }
  // 高强度、高精密…: a short modifier, then 、, right after 的.
  if (start === i && text[i - 1] === '、') {
    const before = nameStart(text, i - 1, limit);
    if (i - 1 - before <= 3 && i - 1 - before >= 2 && text[before - 1] === '的') start = before;
  }
  return start;
}

/** How many characters the boundary words that open `name` take (上述, 再次|中标): no part of a name. */
export function openingBoundaryWords(name: string): number {
  let cut = 0;
  for (const t of tokens(name)) {
    if (t.start !== cut || !BOUNDARY.has(t.word)) break;
    cut = t.end;
  }
  return cut;
}

/** 该公司, 我们公司, 这家企业: a reference to a name printed elsewhere, not a name. */
export function isReference(prefix: string): boolean {
  return (
    prefix.length === 0
    || REFERENCE_PREFIXES.some((r) => prefix === r || (prefix.startsWith(r) && prefix.length <= r.length + 1))
  );
}

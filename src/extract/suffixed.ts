// Names that end in a known suffix (…有限公司, …大学, …项目): find each suffix, then where the name starts.
import { isReference, nameStart } from './boundary.ts';

export interface SuffixedName {
  name: string;
  /** The name without its suffix: 山东东阀制冷科技 for 山东东阀制冷科技有限公司. */
  stem: string;
  suffix: string;
  start: number;
  end: number;
}

/** Words as one regex alternation, longest first (so that 股份有限公司 is one word and not 公司 after 股份有限). */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[()（）]/g, '\\$&'))
    .join('|');
}

/** Suffixes longest first, so that 股份有限公司 is one suffix and not 公司 after 股份有限. */
export function suffixPattern(suffixes: string[]): RegExp {
  return new RegExp(alternation(suffixes), 'g');
}

/** `joins`: conjunctions that may stand inside the names sought (及 in project names), see nameStart. */
export function findSuffixed(
  text: string,
  pattern: RegExp,
  minStem = 2,
  joins: readonly string[] = [],
): SuffixedName[] {
  const out: SuffixedName[] = [];
  for (const m of text.matchAll(pattern)) {
    const start = nameStart(text, m.index, 0, joins);
    const stem = text.slice(start, m.index);
    if (stem.length < minStem || isReference(stem)) continue;
    out.push({ name: text.slice(start, m.index + m[0].length), stem, suffix: m[0], start, end: m.index + m[0].length });
  }
  return out;
}

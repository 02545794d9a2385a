// Normalization of newspaper page text (SCHEMA.md "Input"): narrow columns break lines mid-word, OCR sprinkles spaces
// between CJK characters, a column break can leave a blank line inside a sentence. The result keeps one `\n` between
// paragraphs and nothing else of the layout, and an offset map back to the raw text so that evidence can be traced.

export interface Normalized {
  text: string;
  /** map[i] = offset in raw of text[i]; map.length === text.length + 1 and the last entry is raw.length. */
  map: number[];
}

/** A line that ends with one of these (closing quotes/brackets may follow) ends its paragraph. */
const PARAGRAPH_END = /(?:[。！？!?…]|◀)[”’」』）)]*$/u;
/** A line opening with closing punctuation continues the sentence before it, whatever that line ended with. */
const CONTINUES = /^[，。、；：！？）》”’」』,.;:!?)]/u;
/** ASCII punctuation that becomes full-width next to CJK text. */
const TO_FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）',
};
const WHITESPACE = /[ \t\r\f\v\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]/u;

/** Full-width digits, Latin letters and percent sign → ASCII; everything else unchanged. */
function narrow(ch: string): string {
  const c = ch.charCodeAt(0);
  const isFullAlnum = (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
  if (isFullAlnum || c === 0xff05) return String.fromCharCode(c - 0xfee0);
  return ch;
}

const isAscii = (ch: string | undefined): boolean => ch !== undefined && ch.charCodeAt(0) < 0x80;

interface Unit {
  ch: string;
  at: number;
}

/**
 * Join the lines of `raw` into paragraphs. Returns units (one per output candidate, whitespace still in) where a
 * paragraph break is a `\n` unit sourced at the raw newline that ended the paragraph's last line.
 */
function joinLines(raw: string): Unit[] {
  const units: Unit[] = [];
  let prevContent: string | null = null; // trimmed content of the last non-blank line
  let prevEnd = 0; // raw offset of the newline after that line
  let start = 0;
  while (start <= raw.length) {
    let end = raw.indexOf('\n', start);
    if (end < 0) end = raw.length;
    let a = start;
    let b = end;
    while (a < b && WHITESPACE.test(raw[a]!)) a++;
    while (b > a && WHITESPACE.test(raw[b - 1]!)) b--;
    if (b > a) {
      const content = raw.slice(a, b);
      if (prevContent !== null && PARAGRAPH_END.test(prevContent) && !CONTINUES.test(content)) {
        units.push({ ch: '\n', at: prevEnd });
      }
      for (let i = a; i < b; i++) units.push({ ch: narrow(raw[i]!), at: i });
      prevContent = content;
      prevEnd = end;
    }
    start = end + 1;
  }
  return units;
}

const isSpace = (u: Unit | undefined): boolean => u !== undefined && u.ch !== '\n' && WHITESPACE.test(u.ch);

/** The nearest non-whitespace unit from index i going in direction step, stopping at a paragraph break. */
function neighbour(units: Unit[], i: number, step: 1 | -1): string | undefined {
  for (let j = i + step; j >= 0 && j < units.length; j += step) {
    const u = units[j]!;
    if (u.ch === '\n') return undefined;
    if (!isSpace(u)) return u.ch;
  }
  return undefined;
}

export function normalize(raw: string): Normalized {
  const units = joinLines(raw);
  // ASCII punctuation next to non-ASCII text becomes full-width (decided on the neighbours across any spaces).
  for (let i = 0; i < units.length; i++) {
    const full = TO_FULL_WIDTH[units[i]!.ch];
    if (full === undefined) continue;
    const before = neighbour(units, i, -1);
    const after = neighbour(units, i, 1);
    if ((before !== undefined && !isAscii(before)) || (after !== undefined && !isAscii(after))) {
      units[i] = { ch: full, at: units[i]!.at };
    }
  }
  // A run of whitespace survives as one space only between two ASCII characters (`Windows 10`, `A, B`).
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (isSpace(u)) {
      if (isSpace(units[i - 1])) continue;
      const before = units[i - 1]?.ch;
      const after = neighbour(units, i, 1);
      if (before !== undefined && before !== '\n' && isAscii(before) && isAscii(after)) {
        text += ' ';
        map.push(u.at);
      }
      continue;
    }
    text += u.ch;
    map.push(u.at);
  }
  map.push(raw.length);
  return { text, map };
}

/** The raw span [start, end) of the normalized span [start, end). */
export function toRawSpan(map: readonly number[], start: number, end: number): [number, number] {
  const last = map.length - 1;
  const s = map[Math.min(Math.max(start, 0), last)]!;
  if (end <= start) return [s, s];
  const e = map[Math.min(end - 1, last)]!;
  return [s, Math.min(e + 1, map[last]!)];
}

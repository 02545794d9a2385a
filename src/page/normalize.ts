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
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};
const WHITESPACE = /[ \t\r\f\v\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]/u;

/** Full-width digits, Latin letters and percent sign → ASCII; everything else unchanged (UTF-16 code units). */
function narrow(c: number): number {
  const isFullAlnum = (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
  return isFullAlnum || c === 0xff05 ? c - 0xfee0 : c;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
const isAscii = (c: number | undefined): boolean => c !== undefined && c < 0x80;
/** WHITESPACE as a table of code units: it is asked once or more per character of a page. */
const WHITESPACE_CODES = new Uint8Array(0x10000).map((_, c) => (WHITESPACE.test(String.fromCharCode(c)) ? 1 : 0));
const isWhitespace = (c: number): boolean => WHITESPACE_CODES[c] === 1;
const FULL_WIDTH = new Map(Object.entries(TO_FULL_WIDTH).map(([a, f]) => [a.charCodeAt(0), f.charCodeAt(0)]));

/**
 * Candidate output characters, whitespace still in, as parallel arrays: code units and their raw offsets. A long
 * page has millions of them, and an object per character cost more memory than the page (and its GC, more time).
 */
interface Units {
  codes: number[];
  at: number[];
}

/**
 * Join the lines of `raw` into paragraphs. A paragraph break is a `\n` unit sourced at the raw newline that ended the
 * paragraph's last line.
 */
function joinLines(raw: string): Units {
  const units: Units = { codes: [], at: [] };
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
        units.codes.push(NEWLINE);
        units.at.push(prevEnd);
      }
      for (let i = a; i < b; i++) {
        units.codes.push(narrow(raw.charCodeAt(i)));
        units.at.push(i);
      }
      prevContent = content;
      prevEnd = end;
    }
    start = end + 1;
  }
  return units;
}

const isSpace = (c: number | undefined): boolean => c !== undefined && c !== NEWLINE && isWhitespace(c);

/** The nearest non-whitespace code from index i going in direction step, stopping at a paragraph break. */
function neighbour(codes: readonly number[], i: number, step: 1 | -1): number | undefined {
  for (let j = i + step; j >= 0 && j < codes.length; j += step) {
    const c = codes[j]!;
    if (c === NEWLINE) return undefined;
    if (!isSpace(c)) return c;
  }
  return undefined;
}

/** Code units as a string, in slices (String.fromCharCode takes its arguments on the stack). */
function fromCodes(codes: readonly number[]): string {
  const SLICE = 8192;
  let out = '';
  for (let i = 0; i < codes.length; i += SLICE) out += String.fromCharCode(...codes.slice(i, i + SLICE));
  return out;
}

export function normalize(raw: string): Normalized {
  const { codes, at } = joinLines(raw);
  // ASCII punctuation next to non-ASCII text becomes full-width (decided on the neighbours across any spaces).
  for (let i = 0; i < codes.length; i++) {
    const full = FULL_WIDTH.get(codes[i]!);
    if (full === undefined) continue;
    const before = neighbour(codes, i, -1);
    const after = neighbour(codes, i, 1);
    if ((before !== undefined && !isAscii(before)) || (after !== undefined && !isAscii(after))) codes[i] = full;
  }
  // A run of whitespace survives as one space only between two ASCII characters (`Windows 10`, `A, B`).
  const text: number[] = [];
  const map: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (isSpace(c)) {
      if (isSpace(codes[i - 1])) continue;
      const before = codes[i - 1];
      const after = neighbour(codes, i, 1);
      if (before !== undefined && before !== NEWLINE && isAscii(before) && isAscii(after)) {
        text.push(SPACE);
        map.push(at[i]!);
      }
      continue;
    }
    text.push(c);
    map.push(at[i]!);
  }
  map.push(raw.length);
  return { text: fromCodes(text), map };
}

/** The raw span [start, end) of the normalized span [start, end). */
export function toRawSpan(map: readonly number[], start: number, end: number): [number, number] {
  const last = map.length - 1;
  const s = map[Math.min(Math.max(start, 0), last)]!;
  if (end <= start) return [s, s];
  const e = map[Math.min(end - 1, last)]!;
  return [s, Math.min(e + 1, map[last]!)];
}

// Bylines and photo credits of Chinese dailies: `本报讯（记者 X 通讯员 Y）`, `（记者 X）`, `新华社北京8月4日电（记者 X）`,
// `■ 本报记者 X`, `本报通讯员 Y`, `记者 X 报道`, `■ 田柏林`, `（田柏林 摄）`. The labels are data; the parsers below only
// tokenize and glue OCR-split names back together.
import type { Reporter, ReporterRole } from '../schema.ts';
import { startsWithSurname } from './surnames.ts';

/** Role labels, longest first so that `本报记者` wins over `记者`. */
const ROLE_LABELS: ReadonlyArray<readonly [string, ReporterRole]> = [
  ['本报特约记者', 'reporter'],
  ['本报摄影记者', 'reporter'],
  ['本报见习记者', 'reporter'],
  ['本报通讯员', 'correspondent'],
  ['特约通讯员', 'correspondent'],
  ['本报记者', 'reporter'],
  ['特约记者', 'reporter'],
  ['摄影记者', 'reporter'],
  ['见习记者', 'reporter'],
  ['实习记者', 'reporter'],
  ['通讯员', 'correspondent'],
  ['实习生', 'reporter'],
  ['记者', 'reporter'],
];

/** Words around the names that carry no name: `文/图 本报记者 X`, `文/记者 X`, `记者 X 报道`, `（X 摄）` (the last only at the end). */
const FILLER_WORDS = new Set(['文/图', '图/文', '文图', '文/', '图/', '报道', '摄影报道', '采写']);
const TRAILING_FILLER = new Set(['摄', '文', '图']);

/** Bullets that open a credit line in print. */
const BULLET = /^[\s]*[■□●◆◇▲△★☆▼][\s]*/u;

/** Dateline prefixes (a `（…）` credit follows); whitespace between characters is OCR noise. */
const DATELINE_PREFIXES: readonly RegExp[] = [
  /本\s*报\s*讯/u,
  /本\s*报(?:\s*\p{Script=Han}){2,4}\s*讯/u,
  /(?:新华社|中新社|中新网|人民网)[^（(\n]{0,16}电/u,
];

const HAN_NAME = /^\p{Script=Han}{2,4}$/u;
const ONLY_HAN = /^[\p{Script=Han}·]+$/u;

/** `本报记者` → /本\s*报\s*记\s*者/ so that `本 报 记 者` is found too. */
const spaced = (word: string): string => [...word].map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\\s*');
const LABEL_RE = new RegExp(ROLE_LABELS.map(([w]) => spaced(w)).join('|'), 'gu');
const ROLE_OF = new Map(ROLE_LABELS.map(([w, r]) => [w, r]));

/** Punctuation that a credit line never holds (it does a sentence such as `记者了解到，目前`). */
const SENTENCE_PUNCT = /[，。；！？“”‘’《》…,;!?]/u;

export interface Credit {
  reporters: Reporter[];
  /** Whether a role label (记者, 通讯员…) was printed; a bare list of names counts only where the position says so. */
  labelled: boolean;
}

/**
 * Parse the text of a credit — the inside of `（…）` or a whole credit line — into reporters. Returns null when the
 * text holds anything but role labels, filler words and 2–4 character names (then it is not a credit).
 */
export function parseCredit(text: string): Credit | null {
  // Put spaces around labels so that `记者张琪` and `本 报 记 者董金鑫` tokenize alike.
  const spacedOut = text.replace(LABEL_RE, (m) => ` ${m.replace(/\s+/g, '')} `);
  const tokens = spacedOut.split(/[\s、，,:：]+/u).filter((t) => t.length > 0);
  if (tokens.length === 0) return null;
  const reporters: Reporter[] = [];
  let role: ReporterRole = 'reporter';
  let sawLabel = false;
  // Single characters cannot be names: OCR split them off (`修\n文`, `张 晓 明`); they are glued back together.
  let fragment = '';
  const push = (name: string): boolean => {
    if (!HAN_NAME.test(name)) return false;
    reporters.push({ name, role });
    return true;
  };
  const flushFragment = (): boolean => {
    if (fragment === '') return true;
    const ok = fragment.length > 1 ? push(fragment) : gluePrevious(fragment);
    fragment = '';
    return ok;
  };
  // A lone trailing character belongs to the name before it.
  const gluePrevious = (ch: string): boolean => {
    const prev = reporters[reporters.length - 1];
    if (!prev || prev.role !== role || !HAN_NAME.test(prev.name + ch)) return false;
    prev.name += ch;
    return true;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const labelRole = ROLE_OF.get(tok);
    if (labelRole !== undefined) {
      if (!flushFragment()) return null;
      role = labelRole;
      sawLabel = true;
      continue;
    }
    if (FILLER_WORDS.has(tok)) continue;
    const isLast = i === tokens.length - 1;
    if (isLast && TRAILING_FILLER.has(tok) && fragment === '' && reporters.length > 0) continue;
    if (!ONLY_HAN.test(tok)) return null;
    if (tok.length === 1) {
      fragment += tok;
      continue;
    }
    if (fragment.length === 1) {
      fragment += tok;
      const ok = push(fragment);
      fragment = '';
      if (!ok) return null;
      continue;
    }
    if (!flushFragment() || !push(tok)) return null;
  }
  if (!flushFragment()) return null;
  if (reporters.length === 0) return null;
  return { reporters: dedupe(reporters), labelled: sawLabel };
}

/** The reporters in order, each (name, role) once: a byline and a closing credit may name the same person. */
export function dedupe(reporters: Reporter[]): Reporter[] {
  const seen = new Set<string>();
  return reporters.filter((r) => {
    const key = `${r.role}:${r.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface Byline {
  reporters: Reporter[];
  /** Offset (in the text given) where the article body begins after the byline. */
  bodyStart: number;
  /** Whether a dateline word (`本报讯`, `新华社…电`) opened it: a bare `（记者 X）` may as well close a caption. */
  prefixed: boolean;
}

/**
 * A dateline at the start of `text`: `本报讯（记者 X）…`, `本报讯 …`, `新华社北京8月4日电（记者 X）…` or a bare
 * `（记者 X）…` (the bare form needs a role label inside the brackets). The brackets may span a line break.
 */
export function parseDateline(text: string): Byline | null {
  const lead = /^\s*/u.exec(text)![0].length;
  let pos = lead;
  let hasPrefix = false;
  for (const re of DATELINE_PREFIXES) {
    const m = new RegExp(`^(?:${re.source})`, 'u').exec(text.slice(lead));
    if (m) {
      pos = lead + m[0].length;
      hasPrefix = true;
      break;
    }
  }
  const bracket = /^\s*[（(]([^（）()]{1,40})[）)]/u.exec(text.slice(pos));
  if (bracket) {
    // After `本报讯` the brackets can only hold the credit; bare brackets must say 记者/通讯员 to be one.
    const credit = parseCredit(bracket[1]!);
    if (credit && (hasPrefix || credit.labelled)) {
      return { reporters: credit.reporters, bodyStart: pos + bracket[0].length, prefixed: hasPrefix };
    }
  }
  return hasPrefix ? { reporters: [], bodyStart: pos, prefixed: true } : null;
}

/**
 * A whole line that is a credit: `■ 本报记者 X`, `本报通讯员 Y`, `记者 X 报道`, `■ 田柏林`, `（田柏林 摄）`.
 * Its names must open with a surname and, without a role label, it needs a bullet or `摄`, so that a kicker such as
 * `冠县` or a subhead such as `■ 创新驱动` / `■ 记者手记` is not taken for a byline.
 */
export function parseCreditLine(line: string): Credit | null {
  const bullet = BULLET.exec(line);
  let inner = bullet ? line.slice(bullet[0].length) : line;
  const bracketed = /^\s*[（(]([^（）()]+)[）)]\s*$/u.exec(inner);
  if (bracketed) inner = bracketed[1]!;
  if (SENTENCE_PUNCT.test(inner)) return null;
  const credit = parseCredit(inner);
  if (!credit?.reporters.every((r) => startsWithSurname(r.name))) return null;
  const placed = credit.labelled || bullet !== null || (bracketed !== null && /摄\s*$/u.test(inner));
  return placed ? credit : null;
}

/** A photographer's credit in brackets at the end of a line of prose: `…正在施工。（田柏林 摄）`. */
const TRAILING_PHOTO_CREDIT = /[（(][^（）()]{1,30}摄\s*[）)]\s*$/u;

/**
 * The credit that closes a photo caption on the last line of its text: the whole line (`■ 田柏林`, `□记者 X 报道`,
 * `（田柏林 摄）`) or a bracketed `（X 摄）` after the caption's last sentence. `at` is its offset in the line.
 */
export function trailingCredit(line: string): { reporters: Reporter[]; at: number } | null {
  if (BULLET.test(line) || /摄\s*[）)]\s*$/u.test(line)) {
    const whole = parseCreditLine(line);
    if (whole) return { reporters: whole.reporters, at: 0 };
  }
  const m = TRAILING_PHOTO_CREDIT.exec(line);
  const tail = m ? parseCreditLine(m[0]) : null;
  return tail ? { reporters: tail.reporters, at: m!.index } : null;
}

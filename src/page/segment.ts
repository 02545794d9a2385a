// Page → articles (SCHEMA.md "Input"). The page text is cut into blocks at blank lines; each block is a byline, a
// bare credit, a headline-like line group or body. An article opens at a byline (`本报讯（记者 X）`, `■ 本报记者 X`) or
// at a photo caption opening with a date; its headline is the run of headline-like blocks printed after its body,
// recognised as such because the next article opens right after it. A bare credit (`■ 田柏林`) after a caption
// without byline closes that caption; anywhere else it opens the next article.
import type { Article, Reporter } from '../schema.ts';
import { looksLikeCaptionCredit, parseCreditLine, parseDateline } from './byline.ts';
import { inferDate, pageYear } from './date.ts';
import { normalize } from './normalize.ts';

interface Line {
  /** Raw offsets of the line's content, surrounding whitespace excluded. */
  start: number;
  end: number;
  /** Normalized content with all whitespace removed, for classification. */
  compact: string;
}

interface Block {
  lines: Line[];
  start: number;
  end: number;
}

type Classified =
  | { kind: 'byline'; block: Block; reporters: Reporter[]; bodyStart: number }
  | { kind: 'credit'; block: Block; reporters: Reporter[] }
  | { kind: 'headline'; block: Block }
  | { kind: 'body'; block: Block; opensWithDate: boolean; credit?: { reporters: Reporter[]; at: number } };

/** Headline lines are short; a subtitle line opens with a dash. */
const HEADLINE_MAX_CHARS = 40;
const HEADLINE_MAX_LINES = 3;
/** A block with one of these inside is prose, not a headline. */
const PROSE_MARK = /[。；]/u;
/** A block ending with one of these (closing quotes/brackets stripped) is prose. */
const PROSE_END = /[，、：；。！？…,;:!?]$/u;
const CLOSERS = /[”’」』）)》]+$/u;
const SUBTITLE = /^(?:——|—|--|－－)+/u;
/** A photo caption (or a byline-less dateline) opens with its date. */
const OPENS_WITH_DATE = /^(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日/u;

const compactOf = (raw: string): string => normalize(raw).text.replace(/\s+/gu, '');

function splitBlocks(raw: string): Block[] {
  const blocks: Block[] = [];
  let lines: Line[] = [];
  const close = () => {
    if (lines.length > 0) blocks.push({ lines, start: lines[0]!.start, end: lines[lines.length - 1]!.end });
    lines = [];
  };
  let start = 0;
  while (start <= raw.length) {
    let end = raw.indexOf('\n', start);
    if (end < 0) end = raw.length;
    const text = raw.slice(start, end);
    const lead = text.length - text.trimStart().length;
    const trimmed = text.trim();
    if (trimmed === '') close();
    else {
      const s = start + lead;
      lines.push({ start: s, end: s + trimmed.length, compact: compactOf(trimmed) });
    }
    start = end + 1;
  }
  close();
  return blocks;
}

function isHeadlineLike(block: Block): boolean {
  if (block.lines.length > HEADLINE_MAX_LINES) return false;
  if (block.lines.some((l) => l.compact.length > HEADLINE_MAX_CHARS)) return false;
  const text = block.lines.map((l) => l.compact).join('');
  return !PROSE_MARK.test(text) && !PROSE_END.test(text.replace(CLOSERS, ''));
}

function classify(raw: string, block: Block): Classified {
  const text = raw.slice(block.start, block.end);
  const dateline = parseDateline(text);
  if (dateline) return { kind: 'byline', block, reporters: dateline.reporters, bodyStart: block.start + dateline.bodyStart };
  // Leading credit lines: `■ 本报记者 X` / `本报通讯员 Y`, alone in their block or (when labelled) followed by body.
  const reporters: Reporter[] = [];
  let labelled = true;
  let k = 0;
  for (; k < block.lines.length; k++) {
    const line = block.lines[k]!;
    const credit = parseCreditLine(raw.slice(line.start, line.end));
    if (!credit) break;
    reporters.push(...credit.reporters);
    labelled &&= credit.labelled;
  }
  if (k === block.lines.length) return { kind: 'credit', block, reporters };
  if (k > 0 && labelled) return { kind: 'byline', block, reporters, bodyStart: block.lines[k]!.start };
  if (isHeadlineLike(block)) return { kind: 'headline', block };
  const opensWithDate = OPENS_WITH_DATE.test(block.lines[0]!.compact + (block.lines[1]?.compact ?? ''));
  const last = block.lines[block.lines.length - 1]!;
  const lastRaw = raw.slice(last.start, last.end);
  const credit = block.lines.length > 1 && looksLikeCaptionCredit(lastRaw) ? parseCreditLine(lastRaw) : null;
  return credit
    ? { kind: 'body', block, opensWithDate, credit: { reporters: credit.reporters, at: last.start } }
    : { kind: 'body', block, opensWithDate };
}

/** An article being read: where its body lies in the raw page and who wrote it. */
interface Draft {
  reporters: Reporter[];
  hasByline: boolean;
  bodyStart: number | null;
  bodyEnd: number;
}

const hasBody = (d: Draft): boolean => d.bodyStart !== null;

function addBody(d: Draft, start: number, end: number): void {
  if (d.bodyStart === null) d.bodyStart = start;
  d.bodyEnd = end;
}

interface Headline {
  title: string | null;
  kicker: string | null;
  subtitle: string | null;
  /** Blocks taken for headline-like that cannot be kicker or title: they go back to the body. */
  rest: Block[];
}

/** Kicker, title and `——` subtitle from the headline-like blocks after a body (the last title-like block is the title). */
function readHeadline(raw: string, blocks: Block[]): Headline {
  const titles: { block: Block; text: string }[] = [];
  const subtitles: string[] = [];
  for (const block of blocks) {
    const titleLines: string[] = [];
    for (const line of block.lines) {
      const text = raw.slice(line.start, line.end);
      if (SUBTITLE.test(line.compact)) subtitles.push(text.trim().replace(SUBTITLE, ''));
      else titleLines.push(text);
    }
    if (titleLines.length > 0) titles.push({ block, text: titleLines.join('\n') });
  }
  const clean = (s: string | undefined): string | null => (s === undefined ? null : normalize(s).text.replace(/\n/gu, '') || null);
  const title = titles.pop();
  const kicker = titles.pop();
  return {
    title: clean(title?.text),
    kicker: clean(kicker?.text),
    subtitle: subtitles.length > 0 ? clean(subtitles.join('\n')) : null,
    rest: titles.map((t) => t.block),
  };
}

export interface SegmentOptions {
  file: string;
  stem: string;
  /** ISO date known for the page (e.g. from its file name or a sidecar); its year dates `M月D日`. */
  date?: string | null;
}

export function segmentPage(raw: string, opts: SegmentOptions): Article[] {
  const year = pageYear(compactOf(raw));
  const articles: Article[] = [];
  let draft: Draft | null = null;
  let pending: Block[] = []; // headline-like blocks after the current body, not yet known to be a headline

  const open = (reporters: Reporter[], hasByline: boolean): Draft => ({ reporters, hasByline, bodyStart: null, bodyEnd: 0 });
  const close = (headBlocks: Block[]) => {
    const d = draft;
    draft = null;
    pending = [];
    if (!d) return;
    const head = readHeadline(raw, headBlocks);
    for (const b of head.rest) addBody(d, b.start, b.end);
    if (!hasBody(d) && head.title === null) return;
    const body = d.bodyStart === null ? '' : normalize(raw.slice(d.bodyStart, d.bodyEnd)).text;
    const n = articles.length + 1;
    articles.push({
      id: `${opts.stem}#${n}`,
      file: opts.file,
      index: n - 1,
      title: head.title,
      kicker: head.kicker,
      subtitle: head.subtitle,
      date: inferDate(body, year, opts.date),
      reporters: d.reporters,
      body,
    });
  };
  /** Headline-like blocks followed by more body were subheads or column fragments: they are body. */
  const absorbPending = (d: Draft) => {
    for (const b of pending) addBody(d, b.start, b.end);
    pending = [];
  };

  for (const block of splitBlocks(raw)) {
    const c = classify(raw, block);
    switch (c.kind) {
      case 'byline': {
        close(pending);
        draft = open(c.reporters, true);
        if (raw.slice(c.bodyStart, block.end).trim() !== '') addBody(draft, c.bodyStart, block.end);
        break;
      }
      case 'credit': {
        if (draft && !draft.hasByline && hasBody(draft) && pending.length === 0) {
          // The credit under a photo caption: it names the caption's author and ends it.
          draft.reporters = c.reporters;
          close([]);
        } else {
          close(pending);
          draft = open(c.reporters, true);
        }
        break;
      }
      case 'headline': {
        if (draft && hasBody(draft)) pending.push(block);
        else {
          draft ??= open([], false);
          addBody(draft, block.start, block.end);
        }
        break;
      }
      case 'body': {
        if (draft && pending.length > 0 && c.opensWithDate) {
          // Headline, then a block opening with a date: a new byline-less article (a photo caption).
          close(pending);
        }
        draft ??= open([], false);
        absorbPending(draft);
        if (c.credit) {
          addBody(draft, block.start, c.credit.at);
          draft.reporters = c.credit.reporters;
          close([]);
        } else addBody(draft, block.start, block.end);
        break;
      }
    }
  }
  close(pending);
  return articles;
}

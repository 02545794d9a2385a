// Page → articles (SCHEMA.md "Input"). The page text is cut into blocks at blank lines; each block is a byline, a
// bare credit, a headline-like line group or body. Articles without their headlines ("cores") open at a byline
// (`本报讯（记者 X）`, `■ 本报记者 X`) or at a photo caption; a credit closes a caption (`■ 田柏林`, `（X 摄）`). The runs
// of headline-like blocks between cores are headlines: printed after their bodies on most pages, before them on
// others (many PDF text layers), so the page's order is the one that leaves fewer headlines and bylined cores unpaired.
import type { Article, Reporter } from '../schema.ts';
import { dedupe, parseCreditLine, parseDateline, trailingCredit } from './byline.ts';
import { inferDate, pageYear } from './date.ts';
import { normalize } from './normalize.ts';
import { lineStarts, type PagePlace } from './place.ts';

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
/** A block wholly in round brackets is an editor's note (`（下转第2版）`, `（上接第1版）`), never a headline. */
const BRACKETED = /^[（(][^（）()]*[）)]$/u;
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
    // A dateline opens a block even with no blank line before it (a headline printed right above its byline).
    if (trimmed === '' || (lines.length > 0 && parseDateline(trimmed)?.prefixed)) close();
    if (trimmed !== '') {
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
  return !PROSE_MARK.test(text) && !PROSE_END.test(text.replace(CLOSERS, '')) && !BRACKETED.test(text);
}

function classify(raw: string, block: Block): Classified {
  const text = raw.slice(block.start, block.end);
  const dateline = parseDateline(text);
  // A bare `（记者 X 摄）` alone in its block is a credit: what follows it decides whether it opens or closes.
  if (dateline && (dateline.prefixed || text.slice(dateline.bodyStart).trim() !== '')) {
    return { kind: 'byline', block, reporters: dateline.reporters, bodyStart: block.start + dateline.bodyStart };
  }
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
  const credit = trailingCredit(raw.slice(last.start, last.end));
  // A credit line alone would have been a credit block; here it closes the text above it.
  return credit && (credit.at > 0 || block.lines.length > 1)
    ? { kind: 'body', block, opensWithDate, credit: { reporters: credit.reporters, at: last.start + credit.at } }
    : { kind: 'body', block, opensWithDate };
}

interface Headline {
  title: string | null;
  kicker: string | null;
  subtitle: string | null;
  /** Blocks taken for headline-like that cannot be kicker or title: they go back to the body. */
  rest: Block[];
}

/** Kicker, title and `——` subtitle from one headline group (its last title-like block is the title). */
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
  const clean = (s: string | undefined): string | null =>
    s === undefined ? null : normalize(s).text.replace(/\n/gu, '') || null;
  const title = titles.pop();
  const kicker = titles.pop();
  return {
    title: clean(title?.text),
    kicker: clean(kicker?.text),
    subtitle: subtitles.length > 0 ? clean(subtitles.join('\n')) : null,
    rest: titles.map((t) => t.block),
  };
}

/** A stretch of the raw page that belongs to an article's body; `head` marks a headline-like block read as body. */
interface Part {
  block: Block;
  start: number;
  end: number;
  head: boolean;
  dated: boolean;
}

/** An article without its headline: who wrote it, whether a byline or credit opened it, its body. */
interface Core {
  kind: 'core';
  reporters: Reporter[];
  opener: boolean;
  parts: Part[];
}

/** A run of headline-like blocks between two cores (or at an end of the page): one article's headline. */
interface Group {
  kind: 'group';
  blocks: Block[];
}

type Unit = Core | Group;

const headPart = (block: Block): Part => ({ block, start: block.start, end: block.end, head: true, dated: false });

/**
 * A credit closes `core`. When a caption was read into the core as more body — after a headline group (its own
 * headline, or the previous article's) or at a block opening with a date — the caption starts at the last such
 * place: the core splits there into the article before, the group in between and the caption the credit closes.
 */
function closeWithCredit(core: Core, reporters: Reporter[]): Unit[] {
  const { parts } = core;
  let at = -1;
  for (let i = parts.length - 1; i >= 1 && at < 0; i--) {
    if (!parts[i]!.head && (parts[i - 1]!.head || parts[i]!.dated)) at = i;
  }
  let groupStart = at;
  while (groupStart > 0 && parts[groupStart - 1]!.head) groupStart--;
  if (groupStart < 1) return [{ ...core, reporters: dedupe([...core.reporters, ...reporters]) }];
  const units: Unit[] = [{ ...core, parts: parts.slice(0, groupStart) }];
  if (groupStart < at) units.push({ kind: 'group', blocks: parts.slice(groupStart, at).map((p) => p.block) });
  units.push({ kind: 'core', reporters, opener: false, parts: parts.slice(at) });
  return units;
}

/**
 * The page as cores and headline groups, in page order, before deciding whether headlines follow or precede their
 * bodies. A core opens at a byline, at a credit followed by body (`■ 本报记者 X`), at a block opening with a date after
 * a headline group or a closed core (a caption), or at body with no core open; a credit right under a caption's
 * text, or followed by anything but body, closes the core (a caption's `■ X`). Headline-like blocks followed by more
 * body of the same core are body (subheads, column fragments).
 */
function readUnits(raw: string, items: Classified[]): Unit[] {
  const units: Unit[] = [];
  let core: Core | null = null;
  let pending: Block[] = [];
  const flush = () => {
    if (pending.length > 0) units.push({ kind: 'group', blocks: pending });
    pending = [];
  };
  const absorb = (c: Core) => {
    c.parts.push(...pending.map(headPart));
    pending = [];
  };
  const open = (reporters: Reporter[], opener: boolean): Core => {
    flush();
    core = { kind: 'core', reporters, opener, parts: [] };
    units.push(core);
    return core;
  };
  const close = (c: Core, reporters: Reporter[]) => {
    absorb(c);
    units.splice(units.indexOf(c), 1, ...closeWithCredit(c, reporters));
    core = null;
  };
  items.forEach((item, i) => {
    switch (item.kind) {
      case 'byline': {
        const c = open(item.reporters, true);
        if (raw.slice(item.bodyStart, item.block.end).trim() !== '') {
          c.parts.push({ block: item.block, start: item.bodyStart, end: item.block.end, head: false, dated: false });
        }
        break;
      }
      case 'credit': {
        const c: Core | null = core;
        const underCaption = c !== null && !c.opener && c.parts.length > 0 && pending.length === 0;
        if (items[i + 1]?.kind === 'body' && !underCaption) open(item.reporters, true);
        else close(c ?? open([], false), item.reporters);
        break;
      }
      case 'headline':
        pending.push(item.block);
        break;
      case 'body': {
        const startsCaption = item.opensWithDate && (pending.length > 0 || core === null);
        const c: Core = core !== null && !startsCaption ? core : open([], false);
        absorb(c);
        // A photo credit with more of a bylined article after it is part of that article.
        const credit = c.opener && items[i + 1]?.kind === 'body' ? undefined : item.credit;
        const end = credit ? credit.at : item.block.end;
        c.parts.push({ block: item.block, start: item.block.start, end, head: false, dated: item.opensWithDate });
        if (credit) close(c, credit.reporters);
        break;
      }
    }
  });
  flush();
  return units;
}

type Order = 'after' | 'before';

/** For each unit index of a group, the index of the core it is the headline of, reading headlines in `order`. */
function pairGroups(units: Unit[], order: Order): Map<number, number> {
  const pairs = new Map<number, number>();
  units.forEach((u, i) => {
    const j = order === 'after' ? i - 1 : i + 1;
    if (u.kind === 'group' && units[j]?.kind === 'core') pairs.set(i, j);
  });
  return pairs;
}

/**
 * What an order leaves unexplained: headline groups with no core, and cores with an opener but no headline. A core
 * without opener may lack one (a caption printed without headline, a continuation at the top of the page).
 */
function orderCost(units: Unit[], order: Order): number {
  const pairs = pairGroups(units, order);
  const headed = new Set(pairs.values());
  let cost = 0;
  units.forEach((u, i) => {
    if (u.kind === 'group' ? !pairs.has(i) : u.opener && !headed.has(i)) cost++;
  });
  return cost;
}

/** The page's order: headlines after their bodies (SCHEMA.md's usual layout) unless before fits it better. */
function headlineOrder(units: Unit[]): Order {
  return orderCost(units, 'before') < orderCost(units, 'after') ? 'before' : 'after';
}

export interface SegmentOptions {
  file: string;
  stem: string;
  /** ISO date known for the page (e.g. from its file name or a sidecar); its year dates `M月D日`. */
  date?: string | null;
}

/**
 * The normalized text of body pieces in page order (pieces with only whitespace between them are one stretch), and
 * each body offset's raw page offset: normalize's map into the joined stretches, composed with where they came from.
 */
function bodyText(raw: string, pieces: { start: number; end: number }[]): { body: string; offsets: number[] } {
  const sorted = [...pieces].sort((a, b) => a.start - b.start);
  const runs: { start: number; end: number }[] = [];
  for (const p of sorted) {
    const last = runs[runs.length - 1];
    if (last && raw.slice(last.end, p.start).trim() === '') last.end = Math.max(last.end, p.end);
    else runs.push({ ...p });
  }
  const SEPARATOR = '\n\n';
  // origin[j]: the raw offset of joined[j]; a separator counts as the end of the stretch before it.
  const origin: number[] = [];
  runs.forEach((r, k) => {
    if (k > 0) origin.push(...Array<number>(SEPARATOR.length).fill(runs[k - 1]!.end));
    for (let i = r.start; i < r.end; i++) origin.push(i);
  });
  origin.push(runs[runs.length - 1]?.end ?? 0);
  const { text, map } = normalize(runs.map((r) => raw.slice(r.start, r.end)).join(SEPARATOR));
  return { body: text, offsets: map.map((j) => origin[j]!) };
}

/** An article of a page and its way back to the page (kept out of the article record: articles.jsonl has no map). */
export interface PageArticle {
  article: Article;
  place: PagePlace;
}

export function segmentPage(raw: string, opts: SegmentOptions): PageArticle[] {
  const year = pageYear(compactOf(raw));
  const units = readUnits(
    raw,
    splitBlocks(raw).map((b) => classify(raw, b)),
  );
  const order = headlineOrder(units);
  const pairs = pairGroups(units, order);
  const _headOf = new Map([...pairs].map(([g, c]) => [c, g]));
  // Body pieces per unit; headline blocks that cannot be kicker or title go to the core before them.
  const pieces = units.map((u) => (u.kind === 'core' ? u.parts.map((p) => ({ start: p.start, end: p.end })) : []));
  const headlines = new Map<number, Headline>();
  units.forEach((u, i) => {
    if (u.kind !== 'group' || !pairs.has(i)) return;
    const head = readHeadline(raw, u.blocks);
    headlines.set(pairs.get(i)!, head);
    const owner = units[i - 1]?.kind === 'core' ? i - 1 : pairs.get(i)!;
    pieces[owner]!.push(...head.rest.map((b) => ({ start: b.start, end: b.end })));
  });
  const lines = lineStarts(raw);
  const articles: PageArticle[] = [];
  units.forEach((u, i) => {
    // A group no core claims is printed text all the same: a headless article of its own.
    if (u.kind === 'group' && pairs.has(i)) return;
    if (u.kind === 'group') pieces[i] = u.blocks.map((b) => ({ start: b.start, end: b.end }));
    const head = headlines.get(i);
    if (pieces[i]!.length === 0 && !head?.title) return;
    const { body, offsets } = bodyText(raw, pieces[i]!);
    const n = articles.length + 1;
    const article: Article = {
      id: `${opts.stem}#${n}`,
      file: opts.file,
      index: n - 1,
      title: head?.title ?? null,
      kicker: head?.kicker ?? null,
      subtitle: head?.subtitle ?? null,
      date: inferDate(body, year, opts.date),
      reporters: u.kind === 'core' ? u.reporters : [],
      body,
    };
    articles.push({ article, place: { offsets, lines } });
  });
  return articles;
}

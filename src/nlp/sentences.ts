// Paragraphs, sentences and clauses of a normalized article body, with their offsets in the body.
export interface Span {
  text: string;
  start: number;
  end: number;
}

const SENTENCE_END = /[。！？!?…]+[”’」』]?|[；;◀]/g;

/**
 * Sentences end at 。！？ (with a closing quote kept inside), at ；, which in news prose joins independent clauses,
 * and at ◀, which closes a run-in subheading (▶“三新”产业澎湃发展动能◀).
 */
export function sentences(body: string): Span[] {
  const out: Span[] = [];
  for (const para of paragraphs(body)) {
    let start = para.start;
    const text = para.text;
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
      const end = para.start + m.index + m[0].length;
      push(out, body, start, end);
      start = end;
    }
    push(out, body, start, para.end);
  }
  return out;
}

export function paragraphs(body: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i === body.length || body[i] === '\n') {
      push(out, body, start, i);
      start = i + 1;
    }
  }
  return out;
}

function push(out: Span[], body: string, start: number, end: number): void {
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  if (end > start) out.push({ text: body.slice(start, end), start, end });
}

/** Anything with offsets in a body: a sentence, a paragraph, a mention. */
export interface Located {
  start: number;
  end: number;
}

/** The first index of `sorted` (ascending by `key`) whose key is at least `at`. */
function lowerBound<T>(sorted: readonly T[], at: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(sorted[mid]!) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first of `spans` (in order, not overlapping, as sentences() and paragraphs() give them) that holds offset `at`,
 * by binary search: rules ask it once per mention, and a scan per mention is quadratic in a long body.
 */
export function spanAt<S extends Located>(spans: readonly S[], at: number): S | undefined {
  const s = spans[lowerBound(spans, at + 1, (x) => x.end)];
  return s && s.start <= at ? s : undefined;
}

/**
 * Mentions by offset, for the questions rules ask per sentence or per name (which lie within this span, which contain
 * this one) in time that follows the answer, not the whole article. Answers keep the order of the items as given.
 */
export class OffsetIndex<T extends Located> {
  private readonly byStart: Array<{ item: T; order: number }>;
  /** The longest item: one containing a span starts at most this far before the span's end. */
  private readonly longest: number;
  /** The items by end, sorted when first asked. */
  private byEnd: Array<{ item: T; order: number }> | undefined;

  constructor(items: readonly T[]) {
    this.byStart = items
      .map((item, order) => ({ item, order }))
      .sort((a, b) => a.item.start - b.item.start || a.order - b.order);
    this.longest = items.reduce((n, i) => Math.max(n, i.end - i.start), 0);
  }

  /** The items inside `outer` (start ≥ outer.start, end ≤ outer.end). */
  within(outer: Located): T[] {
    const out: Array<{ item: T; order: number }> = [];
    for (let k = lowerBound(this.byStart, outer.start, (e) => e.item.start); k < this.byStart.length; k++) {
      const e = this.byStart[k]!;
      if (e.item.start > outer.end) break;
      if (e.item.end <= outer.end) out.push(e);
    }
    return inOrder(out);
  }

  /** The items that contain `inner` (start ≤ inner.start, end ≥ inner.end), `inner` itself among them if indexed. */
  containing(inner: Located): T[] {
    const out: Array<{ item: T; order: number }> = [];
    for (
      let k = lowerBound(this.byStart, inner.end - this.longest, (e) => e.item.start);
      k < this.byStart.length;
      k++
    ) {
      const e = this.byStart[k]!;
      if (e.item.start > inner.start) break;
      if (e.item.end >= inner.end) out.push(e);
    }
    return inOrder(out);
  }

  /** The items starting at `at`. */
  startingAt(at: number): T[] {
    const out: Array<{ item: T; order: number }> = [];
    for (
      let k = lowerBound(this.byStart, at, (e) => e.item.start);
      k < this.byStart.length && this.byStart[k]!.item.start === at;
      k++
    )
      out.push(this.byStart[k]!);
    return inOrder(out);
  }

  /** The items ending at `at`. */
  endingAt(at: number): T[] {
    const byEnd = this.sortedByEnd();
    const out: Array<{ item: T; order: number }> = [];
    for (let k = lowerBound(byEnd, at, (e) => e.item.end); k < byEnd.length && byEnd[k]!.item.end === at; k++)
      out.push(byEnd[k]!);
    return inOrder(out);
  }

  /** The item ending last at or before `at` (of those ending at the same offset, the first given). */
  lastEndingBy(at: number): T | undefined {
    const byEnd = this.sortedByEnd();
    let best: { item: T; order: number } | undefined;
    const k = lowerBound(byEnd, at + 1, (e) => e.item.end) - 1;
    for (let j = k; j >= 0 && byEnd[j]!.item.end === byEnd[k]!.item.end; j--) best = byEnd[j];
    return best?.item;
  }

  private sortedByEnd(): Array<{ item: T; order: number }> {
    return (this.byEnd ??= [...this.byStart].sort((a, b) => a.item.end - b.item.end || a.order - b.order));
  }

  /** The item starting last before `at` (of those starting at the same offset, the first given). */
  lastStartingBefore(at: number): T | undefined {
    let k = lowerBound(this.byStart, at, (e) => e.item.start) - 1;
    while (k > 0 && this.byStart[k - 1]!.item.start === this.byStart[k]!.item.start) k--;
    return this.byStart[k]?.item;
  }
}

const inOrder = <T>(found: Array<{ item: T; order: number }>): T[] =>
  found.sort((a, b) => a.order - b.order).map((e) => e.item);

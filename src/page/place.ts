// Where a body's text sits on its page: the article body is normalized text of raw pieces of the page, so evidence
// (offsets in the body) is traced back through a per-article offset map to the raw page file a researcher can open.
import { toRawSpan } from './normalize.ts';

/** One article's way back to its page: `offsets[i]` is the raw page offset of body[i] (plus one for the body's end);
 * `lines` holds the raw offset where each line of the page starts, shared by the page's articles. */
export interface PagePlace {
  offsets: number[];
  lines: number[];
}

/** The raw offsets where each line of `raw` starts (line 1 at 0). */
export function lineStarts(raw: string): number[] {
  const starts = [0];
  for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The raw page span [start, end) of body span [start, end), with the 1-based line of the page holding its start. */
export function pageSpan(place: PagePlace, start: number, end: number): { line: number; start: number; end: number } {
  const { lines } = place;
  const [s, e] = toRawSpan(place.offsets, start, end);
  // The last line starting at or before s.
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]! <= s) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, start: s, end: e };
}

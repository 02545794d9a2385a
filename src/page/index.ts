// The page stage: normalized text with its offset map, and page → articles.
import type { Article, JsonlArticle } from '../schema.ts';
import { parseDateline } from './byline.ts';
import { normalize } from './normalize.ts';

export { normalize, toRawSpan, type Normalized } from './normalize.ts';
export { segmentPage, type PageArticle, type SegmentOptions } from './segment.ts';
export { lineStarts, pageSpan, type PagePlace } from './place.ts';
export { parseCredit, parseCreditLine, parseDateline } from './byline.ts';
export { inferDate, pageYear } from './date.ts';

/**
 * An already-separated article of a .jsonl input: no segmentation, only normalization; its id, title, date kept. A
 * dateline that opens the text (本报讯（记者 X）) gives the reporters, as on a page; the body keeps it, so that
 * offsets into it stay those of the text given.
 */
export function articleFromJsonl(a: JsonlArticle, index: number): Article {
  const body = normalize(a.text).text;
  return {
    id: a.id,
    file: a.file ?? '',
    index,
    title: a.title ?? null,
    kicker: null,
    subtitle: null,
    date: a.date ?? null,
    reporters: parseDateline(body)?.reporters ?? [],
    body,
  };
}

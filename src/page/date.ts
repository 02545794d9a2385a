// Article dates: the first `M月D日` of the body, with the year printed next to it, else the year the page prints
// most often (a page of 2023 talks about `2023年`), else the year of the date the caller knows for the page.

const YEAR = /((?:19|20)\d{2})年/gu;
const MONTH_DAY = /(?:((?:19|20)\d{2})年)?(\d{1,2})月(\d{1,2})日/u;

/** The year most often printed on the page (ties: the later year), or null. Expects normalized text. */
export function pageYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(YEAR)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) {
    const bestN = best === null ? -1 : counts.get(best)!;
    if (n > bestN || (n === bestN && y > best!)) best = y;
  }
  return best;
}

function isoDate(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * ISO date of an article from its normalized body; `year` is the page's year (pageYear), `fallback` the date the
 * caller knows for the page (ISO), used for its year and, when nothing can be inferred, as the date itself.
 */
export function inferDate(body: string, year: number | null, fallback?: string | null): string | null {
  const m = MONTH_DAY.exec(body);
  const fallbackYear = fallback ? Number(fallback.slice(0, 4)) : null;
  if (m) {
    const y = m[1] ? Number(m[1]) : (year ?? fallbackYear);
    const iso = y === null ? null : isoDate(y, Number(m[2]), Number(m[3]));
    if (iso) return iso;
  }
  return fallback ?? null;
}

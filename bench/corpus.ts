// A synthetic corpus for benchmarks: N MB of page files made from the two seed pages, deterministic. Each page is a
// different mix of the seeds' articles (cut at their `本报讯` datelines) in a different order, with every `M月D日`
// shifted by the page's number of days, so that no two pages are byte-identical and the segmenter, the date
// inference and the entity index all see varied input.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from './random.ts';

const SEEDS_DIR = new URL('../seeds/', import.meta.url).pathname;
/** An article starts at a block opening with a dateline; the headline printed after its body stays with it. */
const DATELINE_BLOCK = /^[ \t\u3000]*本\s*报\s*讯/u;
const MONTH_DAY = /(\d{1,2})(\s*)月(\s*)(\d{1,2})(\s*)日/gu;
/** A page of the seeds is about 19 KB; synthetic pages aim for the same size. */
const PAGE_BYTES = 19 * 1024;

/** The page text cut before each dateline block; the first chunk holds whatever precedes the first dateline. */
export function articleChunks(page: string): string[] {
  const lines = page.replace(/\r\n?/g, '\n').split('\n');
  const chunks: string[][] = [[]];
  let blank = true;
  for (const line of lines) {
    if (blank && DATELINE_BLOCK.test(line) && chunks[chunks.length - 1]!.some((l) => l.trim())) chunks.push([]);
    chunks[chunks.length - 1]!.push(line);
    blank = line.trim() === '';
  }
  return chunks.map((c) => c.join('\n').trim()).filter(Boolean);
}

/** Every `M月D日` (spacing kept) moved `days` later within a 2025 calendar, so dates stay valid. */
export function shiftDates(text: string, days: number): string {
  return text.replace(MONTH_DAY, (whole, m: string, s1: string, s2: string, d: string, s3: string) => {
    const month = Number(m);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > 31) return whole;
    const t = new Date(Date.UTC(2025, month - 1, day + days));
    if (t.getUTCFullYear() !== 2025) t.setUTCFullYear(2025); // wrap around the year rather than print 2026 dates
    return `${t.getUTCMonth() + 1}${s1}月${s2}${t.getUTCDate()}${s3}日`;
  });
}

/** Page number `n` (from 0): seed chunks in a shuffled order, dates shifted by n days, about PAGE_BYTES long. */
export function syntheticPage(chunks: readonly string[], n: number): string {
  const rand = mulberry32(n + 1);
  const order = chunks.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const picked: string[] = [];
  let bytes = 0;
  for (const i of order) {
    if (bytes >= PAGE_BYTES) break;
    picked.push(chunks[i]!);
    bytes += Buffer.byteLength(chunks[i]!);
  }
  return `${shiftDates(picked.join('\n\n'), n % 365)}\n`;
}

export function seedChunks(dir = SEEDS_DIR): string[] {
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (pages.length === 0) throw new Error(`no seed page (*.txt) in ${dir}`);
  return pages.flatMap((f) => articleChunks(readFileSync(join(dir, f), 'utf8')));
}

/** Write page files into `dir` until they total at least `mb` MB (MiB); returns the pages written and their bytes. */
export function buildCorpus(dir: string, mb: number): { pages: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const chunks = seedChunks();
  const target = mb * 1024 * 1024;
  let bytes = 0;
  let pages = 0;
  while (bytes < target) {
    const text = syntheticPage(chunks, pages);
    writeFileSync(join(dir, `page_${String(pages).padStart(5, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
    pages++;
  }
  return { pages, bytes };
}

// Organisations that are neither government bodies nor businesses: universities, schools, institutes,
// associations, innovation centres, periodicals named with a post (《山东文学》主编), national media (央视, 新华社).
import { ORGANIZATION_ABBREVIATIONS, ORGANIZATION_SUFFIXES, TITLES } from '../lexicon/names.ts';
import { isGeneric, tokens } from '../nlp/jieba.ts';
import type { Mention } from '../schema.ts';
import type { ExtractContext } from './context.ts';
import { leadingPlace } from './company.ts';
import { alternation, findSuffixed, suffixPattern } from './suffixed.ts';
import { readTable } from '../lexicon/table.ts';

const PATTERN = suffixPattern([...ORGANIZATION_SUFFIXES, ...Object.keys(ORGANIZATION_ABBREVIATIONS)]);
const MEDIA = new Map(readTable('media.tsv', { columns: ['printed', 'name'] }).map((r) => [r.printed, r.name]));
const MEDIA_NAME = new RegExp(alternation([...MEDIA.keys()]), 'g');
const PERIODICAL = /《([^《》]{2,12})》/g;

export function findOrganizations(text: string, ctx: ExtractContext): Mention[] {
  const out: Mention[] = [];
  for (const n of findSuffixed(text, PATTERN)) {
    const full = ORGANIZATION_ABBREVIATIONS[n.suffix];
    // 作协 in 合作协议 is no abbreviation: the abbreviation must be a word of its own.
    if (full && !startsWord(text, n.end - n.suffix.length)) continue;
    // 招商会, 推介会: an event, not a chamber of commerce.
    if (n.suffix === '商会' && n.stem.endsWith('招')) continue;
    const name = full ? n.stem + full : n.name;
    // 研发中心, 外国语学校 alone name a kind of body; a place, 国家 or a proper word makes it one body.
    const named = leadingPlace(n.stem, ctx) !== null || /^(国家|中国|全国)/.test(n.stem) || !isGeneric(n.stem);
    if (!named) continue;
    out.push({
      type: 'Organization',
      name,
      surface: n.name,
      start: n.start,
      end: n.end,
      rule: `organization:${n.suffix}`,
      props: {},
    });
  }
  // 央视, 新华社: national media by their printed names (data/media.tsv).
  for (const m of text.matchAll(MEDIA_NAME)) {
    const end = m.index + m[0].length;
    const name = MEDIA.get(m[0])!;
    out.push({ type: 'Organization', name, surface: m[0], start: m.index, end, rule: 'organization:media', props: {} });
  }
  for (const m of text.matchAll(PERIODICAL)) {
    const after = text.slice(m.index + m[0].length);
    if (!TITLES.some((t) => after.startsWith(t))) continue;
    out.push({
      type: 'Organization',
      name: m[1]!,
      surface: m[0],
      start: m.index,
      end: m.index + m[0].length,
      rule: 'organization:periodical',
      props: {},
    });
  }
  return out;
}

/** Whether jieba starts a word at `at` (it does for 作协 in 临清市作协机关, not in 合作协议). */
function startsWord(text: string, at: number): boolean {
  const from = Math.max(0, at - 6);
  return tokens(text.slice(from, at + 6)).some((t) => from + t.start === at);
}

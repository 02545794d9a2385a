// Places: cities, counties (and the home city's zones) and towns, wherever printed, also inside other names
// (东昌府区行政审批服务局 mentions 东昌府区). 我市/全市/本市 are the home city; 我县/全县/该县 the article's county.
import type { Place } from '../lexicon/divisions.ts';
import type { Article, Mention } from '../schema.ts';
import { readTable } from '../lexicon/table.ts';
import type { ExtractContext } from './context.ts';

/** Words before a bare zone name that make it generic (各开发区, 市属开发区, 省级高新区). */
const GENERIC_BEFORE = ['各', '属', '个', '级', '等', '类'];
const HOME_CITY = ['我市', '全市', '本市'];
const OWN_COUNTY = ['我县', '全县', '本县', '该县', '我区', '全区', '本区', '该区'];

export interface PlaceMention extends Mention {
  place: Place;
}

export function findPlaces(text: string, ctx: ExtractContext): PlaceMention[] {
  const out: PlaceMention[] = [];
  const { gazetteer } = ctx;
  for (const m of ctx.places.scan(text)) {
    const form = gazetteer.forms.get(m.key)!;
    if (form.short && form.place.parent === gazetteer.home.code && m.key.length <= 3 && /区$/.test(m.key)) {
      // A bare zone name (开发区) is the home city's zone only when it stands alone.
      if (GENERIC_BEFORE.includes(text[m.start - 1] ?? '')) continue;
    }
    out.push(placeMention(form.place, m.key, m.start, m.end, form.short ? 'place:short' : 'place:name'));
  }
  for (const word of HOME_CITY) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      out.push(placeMention(gazetteer.home, word, i, i + word.length, 'place:home-city'));
    }
  }
  // A county of another city counts only where the text also names its city or province (河北涿州, 保定市涿州市):
  // bare, such names are common words as often as places (示范县, 城区, 泰山).
  const context = new Set(out.map((m) => m.place.code));
  const inContext = (p: Place) =>
    gazetteer.isHome(p) || p.type !== 'County' || [p.parent ?? '', p.code.slice(0, 2)].some((c) => context.has(c));
  // A zone the division list keeps among street-level units (高阳县经济开发区) is a County all the same.
  const kept = out
    .filter((m) => inContext(m.place))
    .map((m) =>
      m.place.type === 'Town' && ZONE_END.test(m.place.name)
        ? placeMention(
            { ...m.place, type: 'County', code: `${m.place.code}Z` },
            m.surface,
            m.start,
            m.end,
            'place:zone',
          )
        : m,
    );
  const zones = findZones(text, kept, ctx);
  // A place printed inside a zone's name (开发区 in 东阿经济开发区) is that zone's prefix or a part of it.
  const outside = kept.filter(
    (m) => !zones.some((z) => m.start >= z.start && m.end <= z.end && !(m.start === z.start && z.prefix === m)),
  );
  return [...outside, ...zones].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Endings of development zones, high-tech zones and new areas of every level (data/zones.tsv). */
const ZONE_SUFFIXES = readTable('zone-suffixes.tsv', { columns: ['suffix'] }).map((r) => r.suffix);
const ZONE = new RegExp(ZONE_SUFFIXES.sort((a, b) => b.length - a.length).join('|'), 'g');
/** Characters that may stand between a place and a zone's ending (鲁西 in 聊城鲁西经济开发区): a proper name, not a word like 各. */
const ZONE_MIDDLE = /^[\p{Script=Han}]{0,4}$/u;

interface ZoneMention extends PlaceMention {
  prefix: PlaceMention;
}

/**
 * Zones of any level, canonical as printed in full (魏县经济开发区, 德州天衢新区, 聊城鲁西经济开发区): a place, up to four
 * characters of proper name, a zone ending. A zone the gazetteer knows (the home city's) keeps its official name.
 */
function findZones(text: string, places: PlaceMention[], ctx: ExtractContext): ZoneMention[] {
  const out: ZoneMention[] = [];
  for (const m of text.matchAll(ZONE)) {
    const end = m.index + m[0].length;
    const prefix = places
      .filter(
        (p) => p.end <= m.index && m.index - p.end <= 4 && p.place.type !== 'Town' && !HOME_CITY.includes(p.surface),
      )
      .sort((a, b) => b.end - a.end || a.start - b.start)[0];
    if (!prefix) continue;
    const middle = text.slice(prefix.end, m.index);
    if (!ZONE_MIDDLE.test(middle) || /[的和与及在等是为各市县区省镇]/.test(middle)) continue;
    if (out.some((z) => z.end === end)) continue;
    const printed = text.slice(prefix.start, end);
    const known = ctx.gazetteer.forms.get(printed);
    // The division list holds some zones as counties (潍坊滨海经济技术开发区) and some as street-level units
    // (高阳县经济开发区): either way a zone is a County (SCHEMA.md).
    const place: Place =
      known && known.place.type === 'County'
        ? known.place
        : {
            type: 'County',
            name: printed,
            code: `${known?.place.code ?? prefix.place.code}Z:${printed}`,
            parent: prefix.place.code,
          };
    out.push({ ...placeMention(place, printed, prefix.start, end, 'place:zone'), prefix });
  }
  return out;
}

/** 我县, 该县: the county the article is about, when the article names one. */
export function findOwnCounty(text: string, county: Place | null): PlaceMention[] {
  if (!county) return [];
  const out: PlaceMention[] = [];
  for (const word of OWN_COUNTY) {
    if (word.endsWith('县') !== county.name.endsWith('县')) continue;
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      out.push(placeMention(county, word, i, i + word.length, 'place:own-county'));
    }
  }
  return out;
}

/** A development zone, high-tech zone or new area, whether the division list holds it or the text names it. */
export const isZone = (place: Place): boolean => place.code.includes('Z') || ZONE_END.test(place.name);
const ZONE_END = new RegExp(`(?:${ZONE_SUFFIXES.join('|')})$`);

/** Provinces are found (a jurisdiction, a county's context) but are no entity of the graph. */
export const isEntityPlace = (m: PlaceMention): boolean => m.place.type !== 'Province';

export function placeMention(place: Place, surface: string, start: number, end: number, rule: string): PlaceMention {
  return {
    type: place.type === 'Town' ? 'Town' : place.type === 'City' ? 'City' : 'County',
    name: place.name,
    surface,
    start,
    end,
    rule,
    props: { division_code: place.code },
    place,
  };
}

/** The county an article is about: the one printed most often on its own, kicker and title included, and how often. */
export function mainCounty(places: PlaceMention[], ctx: ExtractContext): { place: Place; n: number } | null {
  const counts = new Map<string, { place: Place; n: number }>();
  for (const p of places) {
    const county = ctx.gazetteer.countyOf(p.place);
    if (!county?.code.startsWith(ctx.gazetteer.home.code)) continue;
    const c = counts.get(county.code) ?? { place: county, n: 0 };
    c.n += p.place.type === 'County' ? 1 : 0.5;
    counts.set(county.code, c);
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
  return ranked[0] && (ranked.length === 1 || ranked[0].n > ranked[1]!.n) ? ranked[0] : null;
}

/**
 * The county an article is about (SCHEMA.md: the one its kicker or headline prefix names, else the one its body is
 * about), with the zone when that is what the kicker or prefix names (高唐开发区 → 高唐县 and the zone).
 */
export function articleCounty(
  article: Pick<Article, 'kicker' | 'title'>,
  headPlaces: PlaceMention[],
  bodyPlaces: PlaceMention[],
  ctx: ExtractContext,
): ArticlePlace {
  const prefix = /^([^：:，]{2,12})[：:]/.exec(article.title ?? '')?.[1];
  for (const part of [article.kicker, prefix]) {
    if (!part) continue;
    const named = findPlaces(part, ctx).find((p) => p.place.type === 'County');
    if (!named) continue;
    const zone = isZone(named.place) ? named.place : null;
    const parent = zone?.parent ? ctx.gazetteer.byCode.get(zone.parent) : undefined;
    return { county: zone ? (parent?.type === 'County' ? parent : zone) : named.place, zone, sure: true };
  }
  const main = mainCounty([...headPlaces, ...bodyPlaces], ctx);
  // A county the body names once (冠县 in one project's name) is where that thing is, not what the article is about.
  return { county: main?.place ?? null, zone: null, sure: (main?.n ?? 0) >= 2 };
}

/** The county (and zone) an article is about; `sure` when its kicker or headline says so or its body names it twice. */
export interface ArticlePlace {
  county: Place | null;
  zone: Place | null;
  sure: boolean;
}

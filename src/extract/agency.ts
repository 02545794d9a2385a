// Government and party bodies: [jurisdiction][department], canonical as the jurisdiction's full name plus the
// department's official name (市市场监管局 → 聊城市市场监督管理局, 区应急局 → 东昌府区应急管理局); the bodies of
// data/bodies.tsv by their full names (市政协 → 中国人民政治协商会议聊城市委员会, 开发区管委会 → <zone>管理委员会); party
// committees (市委 → 中共聊城市委, 冠县县委 → 中共冠县县委, 镇党委 → 中共<county><town>委员会).
import type { Place } from '../lexicon/divisions.ts';
import { readTable } from '../lexicon/table.ts';
import { PARTY_DEPARTMENTS } from '../lexicon/agencies.ts';
import { BODY_TABLE, bodyName, type BodyKind } from '../lexicon/offices.ts';
import { tokens } from '../nlp/jieba.ts';
import { OffsetIndex } from '../nlp/sentences.ts';
import type { Mention } from '../schema.ts';
import type { ExtractContext } from './context.ts';
import { isZone, type PlaceMention } from './place.ts';
import { alternation } from './suffixed.ts';

export interface Jurisdiction {
  place: Place;
  start: number;
}

/** An agency, with the jurisdiction it belongs to where its name says (title chains carry it along). */
export interface AgencyMention extends Mention {
  jurisdiction?: Place;
  /** The body's kind where it is one of data/bodies.tsv, or a party committee. */
  body?: BodyKind | 'party';
}

/** The article's places and the county it is about: what a bare 市, 县 or 区 stands for. */
export interface PlaceContext {
  places: PlaceMention[];
  county: Place | null;
  /** What a bare 市 stands for: the home city, or the county-level city an article about it names alone. */
  city: Place;
}

/**
 * An article's places by offset, built once per list (a long article's look-ups would otherwise scan them all). Derived
 * from the list itself, so a context that swaps its places (ner.ts reads a span alone) can never meet a stale index.
 */
const indexes = new WeakMap<readonly PlaceMention[], OffsetIndex<PlaceMention>>();
export function placesIndex(places: readonly PlaceMention[]): OffsetIndex<PlaceMention> {
  let index = indexes.get(places);
  if (!index) indexes.set(places, (index = new OffsetIndex(places)));
  return index;
}

/**
 * The jurisdiction printed right before `at`: a place mention ending there (东昌府区, 聊城, 魏县经济开发区), or one
 * character 市/省/县/区 standing for the home city, its province, or the article's county.
 */
export function jurisdictionBefore(
  text: string,
  at: number,
  ctx: ExtractContext,
  where: PlaceContext,
): Jurisdiction | null {
  const printed = placesIndex(where.places)
    .endingAt(at)
    .filter((p) => !/^[我全本该]/.test(p.surface))
    .sort((a, b) => a.start - b.start)[0];
  if (printed) return { place: printed.place, start: printedFrom(printed, where) };
  const ch = text[at - 1];
  const before = text[at - 2] ?? '';
  // 各市, 各区: every jurisdiction of a level is no one jurisdiction.
  if (!ch || before === '各' || before === '全') return null;
  // 曲阜市委 in an article that does not place 曲阜市: the level ends a place's name, it is no bare 市 of the home city.
  if (placeNameEndsAt(text, at, ctx)) return null;
  // 曲阜市委市政府, 德州市委、市政府: a bare level right after another body of the same level is that body's jurisdiction.
  const chained = /(?:委|政府|人大|政协)[、和及与]?$/.exec(text.slice(Math.max(0, at - 4), at - 1));
  if (chained) {
    const end = at - 1 - chained[0].length;
    const same = placesIndex(where.places)
      .endingAt(end)
      .find((p) => p.surface.endsWith(ch));
    if (same) return { place: same.place, start: at - 1 };
    if (placeNameEndsAt(text, end, ctx)) return null;
  }
  return bareLevel(ch, at - 1, ctx, where);
}

/** Levels above a place's, by its type: the places printed before it that name where it lies. */
const ABOVE: Record<string, readonly string[]> = {
  County: ['City', 'Province'],
  City: ['Province'],
  Town: ['County', 'City', 'Province'],
};

/**
 * Where the printed name of a jurisdiction starts: at the province or city printed right before it (山西省长子县公安局
 * is printed so; its name is 长子县公安局).
 */
function printedFrom(place: PlaceMention, where: PlaceContext): number {
  let start = place.start;
  let type: string = place.place.type;
  for (;;) {
    const above = placesIndex(where.places)
      .endingAt(start)
      .find((p) => (ABOVE[type] ?? []).includes(p.place.type));
    if (!above) return start;
    start = above.start;
    type = above.place.type;
  }
}

/** Whether a gazetteer form of two to eight characters ends at `at` (曲阜市, 泗水县). */
function placeNameEndsAt(text: string, at: number, ctx: ExtractContext): boolean {
  for (let k = 2; k <= Math.min(8, at); k++) if (ctx.gazetteer.forms.has(text.slice(at - k, at))) return true;
  return false;
}

/** A bare level character: 市 → the article's city, 省 → the province, 县/区 → the article's county. */
export function bareLevel(
  ch: string,
  start: number,
  ctx: ExtractContext,
  where: Pick<PlaceContext, 'county' | 'city'>,
): Jurisdiction | null {
  const { county } = where;
  if (ch === '市') return { place: where.city, start };
  if (ch === '省') return { place: ctx.gazetteer.province, start };
  if ((ch === '县' || ch === '区') && county && county.name.endsWith(ch)) return { place: county, start };
  return null;
}

const CHINA = '中国';

/** A national body's local branch after its place (中国人民银行聊城市中心支行, 国家税务总局冠县税务局 is a department). */
const BRANCH = /^(?:营业管理部|中心支行|分行|支行|分局|办事处)/;

export function findAgencies(text: string, ctx: ExtractContext, where: PlaceContext): AgencyMention[] {
  const out: AgencyMention[] = [];
  for (const m of ctx.departments.scan(text)) {
    const entry = m.value;
    if (entry.kind === 'national' || entry.kind === 'branch') {
      // 中国人民银行菏泽市中心支行: a national body's branch in a place, named as printed.
      const place = placesIndex(where.places)
        .startingAt(m.end)
        .sort((a, b) => b.end - a.end)[0];
      const branch = place && BRANCH.exec(text.slice(place.end, place.end + 6));
      if (!branch && entry.kind === 'branch') continue;
      const end = branch ? place.end + branch[0].length : m.end;
      const name = branch ? entry.full + text.slice(m.end, end) : entry.full;
      // 中国银监会: the state's name printed before its own body's short form is part of the printed name.
      const start =
        text.startsWith(CHINA, m.start - CHINA.length) && !text.startsWith(CHINA, m.start)
          ? m.start - CHINA.length
          : m.start;
      out.push({
        type: 'Agency',
        name,
        surface: text.slice(start, end),
        start,
        end,
        rule: 'agency:national',
        props: {},
      });
      continue;
    }
    const j = jurisdictionBefore(text, m.start, ctx, where);
    if (!j) continue;
    if (entry.kind === 'vertical') {
      // 聊城黄河河务局: the printed name is the official one.
      if (j.place.type === 'Province' || text.slice(j.start, m.start).length >= 2) {
        out.push({
          type: 'Agency',
          name: text.slice(j.start, m.end),
          surface: text.slice(j.start, m.end),
          start: j.start,
          end: m.end,
          rule: 'agency:vertical',
          props: {},
        });
      }
      continue;
    }
    const surface = text.slice(j.start, m.end);
    out.push({
      type: 'Agency',
      name: j.place.name + entry.full,
      surface,
      start: j.start,
      end: m.end,
      rule: 'agency:department',
      props: {},
      jurisdiction: j.place,
    });
  }
  out.push(...findBodies(text, ctx, where), ...findPartyBodies(text, ctx, where), ...findForeignBodies(text));
  return out;
}

const COUNTRIES = readTable('countries.tsv', { columns: ['name', 'short'] });
/** The states of countries.tsv, and China, by name: a state is no body of its own (俄罗斯 alone is no company). */
export const STATE_NAMES: ReadonlySet<string> = new Set([...COUNTRIES.map((c) => c.name), CHINA]);
const STATE_BODIES = readTable('state-bodies.tsv', { columns: ['printed'] }).map((r) => r.printed);
/** The states' names, and their one-character short forms (美, 俄), as regex alternations. */
const STATE = alternation(COUNTRIES.map((c) => c.name));
const SHORT_STATE = alternation(COUNTRIES.map((c) => c.short).filter((s) => s !== '-'));
const FOREIGN_BODY = new RegExp(`(?:${STATE})(?:${alternation(STATE_BODIES)})`, 'g');
/** Foreign bodies printed by their own names (白宫, 美联储), also after their state (美国中央情报局). */
const NAMED_FOREIGN = new RegExp(
  `(?:${STATE})?(?:${alternation(readTable('foreign-bodies.tsv', { columns: ['printed'] }).map((r) => r.printed))})`,
  'g',
);
/** A state's armed forces by its one-character short form (美军, 俄军), where jieba reads the two as one word. */
const SHORT_ARMY = new RegExp(`(?:${SHORT_STATE})军`, 'g');
/** A state's bodies after its one-character short form (俄国防部, 美政府, 英外交部), read as such where jieba does. */
const SHORT_BODY = new RegExp(`(?:${SHORT_STATE})(?:${alternation(STATE_BODIES.filter((b) => b.length >= 2))})`, 'g');
/** The word jieba opens at `start`, reading the clause around `start`–`end`, with offsets relative to `start`. */
function wordAt(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const from = Math.max(0, start - 4);
  return tokens(text.slice(from, end + 4))
    .map((t) => ({ start: from + t.start - start, end: from + t.end - start }))
    .find((t) => t.start === 0);
}
/** 美军 in 上周美军空袭, not in 精英军团: jieba keeps the short form and 军 as one word. */
const isOneWord = (text: string, start: number, end: number): boolean => wordAt(text, start, end)?.end === end - start;
/** 俄国防部, 美国防部: jieba opens a word at the short form, alone or running to the end (not 法国会议, 中美国防部长). */
function opensShortForm(text: string, start: number, end: number): boolean {
  const word = wordAt(text, start, end);
  return !!word && (word.end === 1 || word.end >= end - start);
}

/**
 * A foreign state's bodies, named as printed (美国国防部, 日本政府, 俄罗斯海军, 美军, 俄国防部, 白宫): a ministry printed after a
 * foreign state is that state's, not the national body of departments.tsv its words would otherwise be.
 */
function findForeignBodies(text: string): AgencyMention[] {
  const out: AgencyMention[] = [];
  for (const re of [FOREIGN_BODY, SHORT_ARMY, SHORT_BODY, NAMED_FOREIGN]) {
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (re === SHORT_ARMY && !isOneWord(text, m.index, end)) continue;
      if (re === SHORT_BODY && !opensShortForm(text, m.index, end)) continue;
      out.push({ type: 'Agency', name: m[0], surface: m[0], start: m.index, end, rule: 'agency:foreign', props: {} });
    }
  }
  return out;
}

const BODY_FORMS = [...BODY_TABLE.keys()].sort((a, b) => b.length - a.length);
const BODY = new RegExp(BODY_FORMS.join('|'), 'g');

/** 市政协, 县人大常委会, 德州市政府, 鲁西经济开发区党工委: a body of data/bodies.tsv after its jurisdiction. */
function findBodies(text: string, ctx: ExtractContext, where: PlaceContext): AgencyMention[] {
  const out: AgencyMention[] = [];
  for (const m of text.matchAll(BODY)) {
    const kind = BODY_TABLE.get(m[0])!;
    const j = jurisdictionBefore(text, m.index, ctx, where);
    if (!j || (j.place.type === 'Province' && kind === 'admincommittee')) continue;
    const zone = isZone(j.place);
    // A zone has a working committee and an administrative committee; other places have neither.
    if ((kind === 'workcommittee' || kind === 'admincommittee') !== zone) continue;
    const end = m.index + m[0].length;
    out.push({
      type: 'Agency',
      name: bodyName(kind, fullPlaceName(j.place, ctx)),
      surface: text.slice(j.start, end),
      start: j.start,
      end,
      rule: `agency:${kind}`,
      props: {},
      jurisdiction: j.place,
      body: kind,
    });
  }
  return out;
}

/** A town's bodies carry their county's name: 平原县王杲铺镇人民政府. */
function fullPlaceName(place: Place, ctx: ExtractContext): string {
  if (place.type !== 'Town') return place.name;
  const county = ctx.gazetteer.countyOf(place);
  return county ? county.name + place.name : place.name;
}

const PARTY_DEPT = Object.keys(PARTY_DEPARTMENTS)
  .filter(Boolean)
  .sort((a, b) => b.length - a.length)
  .join('|');
const PARTY = new RegExp(`(?:([市县区省])委|(镇|乡|街道)?党委)(${PARTY_DEPT})?(?!员|托|屈|婉|派|任|会)`, 'g');

/** 市委 → 中共聊城市委, 冠县县委 → 中共冠县县委, 市委党校 → 中共聊城市委党校, 姜店镇党委 → 中共<county>姜店镇委员会. */
function findPartyBodies(text: string, ctx: ExtractContext, where: PlaceContext): AgencyMention[] {
  const out: AgencyMention[] = [];
  for (const m of text.matchAll(PARTY)) {
    const [, level, townLevel, dept] = m;
    const at = m.index;
    const end = at + m[0].length;
    if (!level) {
      // 党委 is a town's committee only after the town (王杲铺镇党委); after a company it is the company's own.
      const town = jurisdictionBefore(text, at + (townLevel?.length ?? 0), ctx, where);
      if (town?.place.type !== 'Town') continue;
      out.push({
        type: 'Agency',
        name: `中共${fullPlaceName(town.place, ctx)}委员会${PARTY_DEPARTMENTS[dept ?? ''] ?? ''}`,
        surface: text.slice(town.start, end),
        start: town.start,
        end,
        rule: 'agency:party',
        props: {},
        jurisdiction: town.place,
        body: 'party',
      });
      continue;
    }
    // The level character may end the place name itself (聊城市委) or follow it (冠县县委).
    const j = jurisdictionBefore(text, at, ctx, where) ?? jurisdictionBefore(text, at + 1, ctx, where);
    if (!j || j.place.type === 'Town') continue;
    out.push({
      type: 'Agency',
      name: `中共${partyCommittee(j.place, level)}${PARTY_DEPARTMENTS[dept ?? '']}`,
      surface: text.slice(j.start, end),
      start: j.start,
      end,
      rule: 'agency:party',
      props: {},
      jurisdiction: j.place,
      body: 'party',
    });
  }
  return out;
}

/** 聊城市 → 聊城市委, 冠县 → 冠县县委 (a one-character name doubles its level), 山东省 → 山东省委, 东昌府区 → 东昌府区委. */
export function partyCommittee(place: Place, level = place.name.slice(-1)): string {
  const name = place.name;
  return name.length === 2 && name.endsWith(level) ? `${name}${level}委` : `${name}委`;
}

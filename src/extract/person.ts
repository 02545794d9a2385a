// People: named with a title of office after their body (市市场监管局党组书记、局长宋一丁), or as speakers after a
// quote (”张玉宝说). A chain of bodies and titles before one name gives one position per body:
// 济南市作家协会副主席、《当代小说》副主编王玉珏.
import type { Place } from '../lexicon/divisions.ts';
import { DEPARTMENT_ENDINGS, NAME_FOLLOWERS, NOT_NAMES, SPEECH_VERBS, TITLES } from '../lexicon/names.ts';
import { COMPOUND_SURNAMES, SINGLE_SURNAMES } from '../page/surnames.ts';
import { BODY_TABLE, bodyName, TITLE_TABLE, titleLevel, type BodyKind } from '../lexicon/offices.ts';
import { readTable } from '../lexicon/table.ts';
import { bareLevel, placesIndex, type AgencyMention, type PlaceContext } from './agency.ts';
import { isZone } from './place.ts';
import { tokens } from '../nlp/jieba.ts';
import { OffsetIndex } from '../nlp/sentences.ts';
import type { Mention } from '../schema.ts';
import type { ExtractContext } from './context.ts';

const SURNAME = SINGLE_SURNAMES;
const DOUBLE_SURNAMES = COMPOUND_SURNAMES;
const HAN = /^\p{Script=Han}+$/u;
const PUNCT_AFTER_NAME = /^[，。、；：！？“”（《,.;:!?\s]/;
/** Titles printed after the name they follow by convention (习近平总书记). */
const TITLES_AFTER_NAME = ['总书记'];
const TITLES_BY_LENGTH = [...TITLES].sort((a, b) => b.length - a.length);
const BARE_BODIES = [...BODY_TABLE.keys()].sort((a, b) => b.length - a.length);

export interface Position {
  person: Mention;
  org: Mention;
  title: string;
  /** Span of the whole phrase, body to name. */
  start: number;
  end: number;
}

/** Forms of address after a surname (data/forms-of-address.tsv): 李先生, 张某, 陈总 name nobody. */
const ADDRESS_FORMS = readTable('forms-of-address.tsv', { columns: ['word'] }).map((r) => r.word);
/** 李先生, 欧阳女士, 小王, 老张: a surname with a form of address, or 小/老 before a surname. */
export const isAddressForm = (name: string): boolean =>
  ADDRESS_FORMS.some((w) => name.endsWith(w) && name.length - w.length <= 2 && name.length > w.length)
  || (name.length === 2 && /^[小老]/.test(name) && SINGLE_SURNAMES.has(name[1]!));

/** A personal name starting at `i`, ended by a verb, a conjunction or punctuation. */
export function nameAt(text: string, i: number, followers: readonly string[] = NAME_FOLLOWERS): string | null {
  // After a title the name is expected, and a following verb may end it; elsewhere only the given followers do.
  const afterTitle = followers === NAME_FOLLOWERS;
  const double = DOUBLE_SURNAMES.some((s) => text.startsWith(s, i));
  if (!double && !SURNAME.has(text[i] ?? '')) return null;
  for (const len of double ? [3, 4] : [2, 3]) {
    const name = text.slice(i, i + len);
    if (name.length < len || !HAN.test(name)) return null;
    if (NOT_NAMES.some((w) => name.includes(w)) || TITLES.some((t) => name.endsWith(t) || name.includes(t))) continue;
    // 方总表示: a form of address, and no longer name goes on from it.
    if (isAddressForm(name)) return null;
    const next = text.slice(i + len);
    // After a title, punctuation ends a name; a speaker (”张三说) must be followed by the speech verb itself.
    if ((afterTitle && (next === '' || PUNCT_AFTER_NAME.test(next))) || followers.some((f) => next.startsWith(f)))
      return name;
    // 孙立新出席: the name ends where a verb starts, however jieba cut the name itself.
    const after = tokens(next.slice(0, 6))[0];
    if (afterTitle && after && /^(v|p)$/.test(after.tag) && (after.word.length >= 2 || len >= 3)) return name;
  }
  // Otherwise jieba decides: a name-like token (a person name or an unknown word) followed by a verb (刘红出席).
  const [first, second] = tokens(text.slice(i, i + 10));
  if (
    afterTitle
    && first
    && second
    && (double || first.word.length <= 3)
    && first.word.length >= 2
    && /^(nr|nrfg|nrt|x)$/.test(first.tag)
    && /^(v|p|d|c)$/.test(second.tag)
  ) {
    const name = first.word;
    if (HAN.test(name) && !TITLES.some((t) => name.includes(t)) && !NOT_NAMES.some((w) => name.includes(w)))
      return name;
  }
  return null;
}

type ChainItem =
  | { kind: 'title'; key: string; start: number; end: number }
  | { kind: 'body'; org: Mention; dept: string; start: number }
  | { kind: 'place'; place: Place; start: number }
  | { kind: 'bare'; body: BodyKind; start: number; end: number };

/**
 * Positions from title chains (SCHEMA.md, "Officials"): walking left from a name over titles, 、, bodies and a
 * jurisdiction, then reading the chain left to right. A title takes the body printed before it; a government post
 * with no government body before it names the people's government of the chain's jurisdiction (县委常委、副县长 →
 * the county's 人民政府); a title with neither gives the person alone.
 */
export function findPositions(
  text: string,
  ctx: ExtractContext,
  bodies: Mention[],
  where: PlaceContext,
): { persons: Mention[]; positions: Position[] } {
  const persons: Mention[] = [];
  const positions: Position[] = [];
  // Bodies and places by where they end: the walk back from each name asks by offset, and a scan per name is quadratic.
  const bodiesAt = new OffsetIndex(bodies);
  const placesAt = placesIndex(where.places);
  const bodyEndingAt = (p: number) => bodiesAt.endingAt(p).sort((a, b) => a.start - b.start)[0];
  const placeEndingAt = (p: number) =>
    placesAt
      .endingAt(p)
      .filter((m) => !/^[我全本该]/.test(m.surface))
      .sort((a, b) => a.start - b.start)[0];
  const departmentBefore = (p: number) => {
    const candidates: Mention[] = [];
    for (let end = p - 1; end >= p - 10; end--) candidates.push(...bodiesAt.endingAt(end));
    for (const b of candidates) {
      const dept = text.slice(b.end, p);
      if (HAN.test(dept) && DEPARTMENT_ENDINGS.some((e) => dept.endsWith(e))) return { body: b, dept };
    }
    return null;
  };
  /** The title ending at `p`: the longest, unless a shorter one leaves a body right before it (王杲铺镇党委|副书记). */
  const titleEndingAt = (p: number): { key: string; start: number; end: number } | null => {
    const found = TITLES_BY_LENGTH.filter((t) => t.length <= p && text.startsWith(t, p - t.length));
    const fits = found.find((t) => bodyEndingAt(p - t.length)) ?? found[0];
    return fits ? { key: fits, start: p - fits.length, end: p } : null;
  };

  for (const t of ctx.titles.scan(text)) {
    const name = nameAt(text, t.end);
    if (!name) continue;
    const person: Mention = {
      type: 'Person',
      name,
      surface: name,
      start: t.end,
      end: t.end + name.length,
      rule: 'person:title',
      props: {},
    };
    persons.push(person);
    // 市领导张安民、张桂爱: names listed after one title are people too (the title's body is the first name's alone).
    for (let at = person.end; text[at] === '、'; ) {
      const next = nameAt(text, at + 1);
      if (!next || TITLES.some((x) => text.startsWith(x, at + 1))) break;
      persons.push({
        type: 'Person',
        name: next,
        surface: next,
        start: at + 1,
        end: at + 1 + next.length,
        rule: 'person:title-list',
        props: {},
      });
      at += 1 + next.length;
    }
    const items: ChainItem[] = [];
    let p = t.end;
    for (;;) {
      const title = titleEndingAt(p);
      if (title) {
        items.unshift({ kind: 'title', ...title });
        p = title.start;
        continue;
      }
      if (text[p - 1] === '、' && items[0] && items[0].kind !== 'place' && titleEndingAt(p - 1)) {
        p--;
        continue;
      }
      const direct = bodyEndingAt(p);
      const viaDept = direct ? null : departmentBefore(p);
      const body = direct ?? viaDept?.body;
      if (body && items[0]?.kind === 'title') {
        items.unshift({ kind: 'body', org: body, dept: viaDept?.dept ?? '', start: body.start });
        p = body.start;
        continue;
      }
      // 党工委书记、管委会主任: a body printed without its jurisdiction takes the chain's (readChain).
      const bare = BARE_BODIES.find((b) => text.startsWith(b, p - b.length));
      if (bare && items[0]?.kind === 'title') {
        const kind = BODY_TABLE.get(bare)!;
        items.unshift({ kind: 'bare', body: kind, start: p - bare.length, end: p });
        p -= bare.length;
        continue;
      }
      const place = placeEndingAt(p);
      if (place && items[0]?.kind === 'title' && titleLevel(items[0].key))
        items.unshift({ kind: 'place', place: place.place, start: place.start });
      break;
    }
    const found = positions.length;
    for (const { org, titles, start } of readChain(items, ctx, where, text))
      positions.push({ person, org, title: titles.join('、'), start, end: person.end });
    // 局长荣晓东、副局长欧阳明远: titles after another person's chain share that person's body.
    const first = items[0];
    if (positions.length === found && first?.kind === 'title' && text[first.start - 1] === '、') {
      const titles = items.filter((i) => i.kind === 'title').map((i) => i.key);
      if (!titles.some((x) => TITLE_TABLE.get(x) === 'government')) {
        for (const prev of positions.filter((x) => x.person.end === first.start - 1))
          positions.push({ person, org: prev.org, title: titles.join('、'), start: prev.start, end: person.end });
      }
    }
  }
  for (const t of TITLES_AFTER_NAME) {
    for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) {
      for (const len of [3, 2]) {
        const name = text.slice(i - len, i);
        if (i - len >= 0 && HAN.test(name) && SURNAME.has(name[0]!)) {
          persons.push({
            type: 'Person',
            name,
            surface: name,
            start: i - len,
            end: i,
            rule: 'person:title-after',
            props: {},
          });
          break;
        }
      }
    }
  }
  for (let i = text.indexOf('”'); i >= 0; i = text.indexOf('”', i + 1)) {
    const name = nameAt(text, i + 1, SPEECH_VERBS);
    if (name)
      persons.push({
        type: 'Person',
        name,
        surface: name,
        start: i + 1,
        end: i + 1 + name.length,
        rule: 'person:speaker',
        props: {},
      });
  }
  return { persons, positions };
}

/** A chain read left to right: each title to its body, titles of one body joined (党组书记、局长). */
function readChain(
  items: ChainItem[],
  ctx: ExtractContext,
  where: PlaceContext,
  source: string,
): Array<{ org: Mention; titles: string[]; start: number }> {
  const text = (i: { start: number; end: number }) => source.slice(i.start, i.end);
  const groups: Array<{ org: Mention; titles: string[]; start: number }> = [];
  let current: { org: Mention; dept: string; start: number } | null = null;
  let jurisdiction: Place | null = null;
  for (const item of items) {
    if (item.kind === 'place') {
      jurisdiction = item.place;
      continue;
    }
    if (item.kind === 'body') {
      current = item;
      jurisdiction = (item.org as AgencyMention).jurisdiction ?? jurisdiction;
      continue;
    }
    if (item.kind === 'bare') {
      // Only a zone has 党工委 and 管委会; a bare 政府 or 政协 needs a jurisdiction named earlier in the chain.
      const zone = jurisdiction ? isZone(jurisdiction) : false;
      if (!jurisdiction || (item.body === 'workcommittee' || item.body === 'admincommittee') !== zone) {
        current = null;
        continue;
      }
      const org: AgencyMention = {
        type: 'Agency',
        name: bodyName(item.body, jurisdiction.name),
        surface: text(item),
        start: item.start,
        end: item.end,
        rule: `agency:${item.body}`,
        props: {},
        jurisdiction,
        body: item.body,
      };
      current = { org, dept: '', start: item.start };
      continue;
    }
    const level = titleLevel(item.key);
    let org: Mention | null = null;
    let start = current?.start ?? item.start;
    if (level && (current?.org as AgencyMention | undefined)?.body !== 'government') {
      const place = governedPlace(level, jurisdiction, ctx, where);
      if (place)
        org = {
          type: 'Agency',
          name: `${place.name}人民政府`,
          surface: item.key,
          start: item.start,
          end: item.end,
          rule: 'agency:from-title',
          props: {},
        };
      start = item.start;
    } else if (current) org = current.org;
    if (!org) continue;
    const title = (current && org === current.org ? current.dept : '') + item.key;
    const group = groups.find((g) => g.org.name === org!.name && g.org.type === org!.type);
    if (group) group.titles.push(item.key);
    else groups.push({ org, titles: [title], start });
    if (current && org === current.org) current = { ...current, dept: '' };
  }
  return groups;
}

/** The place a government post of `level` governs: the chain's jurisdiction when it is of that level, else the article's. */
function governedPlace(
  level: string,
  jurisdiction: Place | null,
  ctx: ExtractContext,
  where: PlaceContext,
): Place | null {
  if (jurisdiction) {
    if (jurisdiction.type === 'Town' && (level === '镇' || level === '乡')) {
      const county = ctx.gazetteer.countyOf(jurisdiction);
      return { ...jurisdiction, name: (county?.name ?? '') + jurisdiction.name };
    }
    if (
      jurisdiction.name.endsWith(level)
      || (level === '市' && jurisdiction.type === 'City')
      || (level === '省' && jurisdiction.type === 'Province')
    )
      return jurisdiction;
  }
  return bareLevel(level, 0, ctx, where)?.place ?? null;
}

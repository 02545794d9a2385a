// People: named with a title of office after their body (市市场监管局党组书记、局长宋一丁), or as speakers after a
// quote (”张玉宝说). A chain of bodies and titles before one name gives one position per body:
// 济南市作家协会副主席、《当代小说》副主编王玉珏.
import { DEPARTMENT_ENDINGS, DOUBLE_SURNAMES, NAME_FOLLOWERS, NOT_NAMES, SPEECH_VERBS, SURNAMES, TITLES } from '../lexicon/names.ts';
import { tokens } from '../nlp/jieba.ts';
import type { Mention } from '../schema.ts';
import type { ExtractContext } from './context.ts';

const SURNAME = new Set(SURNAMES);
const HAN = /^\p{Script=Han}+$/u;
const PUNCT_AFTER_NAME = /^[，。、；：！？“”（《,.;:!?\s]/;
/** Titles printed after the name they follow by convention (习近平总书记). */
const TITLES_AFTER_NAME = ['总书记'];

export interface Position {
  person: Mention;
  org: Mention;
  title: string;
  /** Span of the whole phrase, body to name. */
  start: number;
  end: number;
}

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
    const next = text.slice(i + len);
    if (next === '' || PUNCT_AFTER_NAME.test(next) || followers.some((f) => next.startsWith(f))) return name;
    // 孙立新出席: the name ends where a verb starts, however jieba cut the name itself.
    const after = tokens(next.slice(0, 6))[0];
    if (afterTitle && after && /^(v|p)$/.test(after.tag) && (after.word.length >= 2 || len >= 3)) return name;
  }
  // Otherwise jieba decides: a name-like token (a person name or an unknown word) followed by a verb (刘红出席).
  const [first, second] = tokens(text.slice(i, i + 10));
  if (afterTitle && first && second && (double || first.word.length <= 3) && first.word.length >= 2 && /^(nr|nrfg|nrt|x)$/.test(first.tag) && /^(v|p|d|c)$/.test(second.tag)) {
    const name = first.word;
    if (HAN.test(name) && !TITLES.some((t) => name.includes(t)) && !NOT_NAMES.some((w) => name.includes(w))) return name;
  }
  return null;
}

export function findPositions(text: string, ctx: ExtractContext, bodies: Mention[]): { persons: Mention[]; positions: Position[] } {
  const persons: Mention[] = [];
  const positions: Position[] = [];
  const titles = ctx.titles.scan(text);
  const titleEndingAt = (p: number) => titles.find((t) => t.end === p);
  const bodyEndingAt = (p: number) => bodies.filter((b) => b.end === p).sort((a, b) => a.start - b.start)[0];
  const departmentBefore = (p: number) => {
    const candidates = bodies.filter((b) => b.end < p && p - b.end <= 10).sort((a, b) => b.end - a.end);
    for (const b of candidates) {
      const dept = text.slice(b.end, p);
      if (HAN.test(dept) && DEPARTMENT_ENDINGS.some((e) => dept.endsWith(e))) return { body: b, dept };
    }
    return null;
  };

  for (const t of titles) {
    const name = nameAt(text, t.end);
    if (!name) continue;
    const person: Mention = { type: 'Person', name, surface: name, start: t.end, end: t.end + name.length, rule: 'person:title', props: {} };
    persons.push(person);
    const found = positions.length;
    // Walk back from the name over titles, departments and bodies.
    let p = t.end;
    let group: string[] = [];
    for (;;) {
      const title = titleEndingAt(p);
      if (!title) break;
      group.unshift(title.key);
      p = title.start;
      if (text[p - 1] === '、' && titleEndingAt(p - 1)) {
        p--;
        continue;
      }
      const direct = bodyEndingAt(p);
      const viaDept = direct ? null : departmentBefore(p);
      const body = direct ?? viaDept?.body;
      if (!body) break;
      positions.push({ person, org: body, title: (viaDept?.dept ?? '') + group.join('、'), start: body.start, end: person.end });
      group = [];
      p = body.start;
      if (text[p - 1] !== '、') break;
      p--;
    }
    // 局长荣晓东、副局长欧阳明远: a title after another person's chain shares that person's body.
    if (positions.length === found && group.length > 0 && text[p - 1] === '、') {
      const previous = positions.filter((x) => x.person.end === p - 1);
      for (const prev of previous) positions.push({ person, org: prev.org, title: group.join('、'), start: prev.start, end: person.end });
    }
  }
  for (const t of TITLES_AFTER_NAME) {
    for (let i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + 1)) {
      for (const len of [3, 2]) {
        const name = text.slice(i - len, i);
        if (i - len >= 0 && HAN.test(name) && SURNAME.has(name[0]!) ) {
          persons.push({ type: 'Person', name, surface: name, start: i - len, end: i, rule: 'person:title-after', props: {} });
          break;
        }
      }
    }
  }
  for (let i = text.indexOf('”'); i >= 0; i = text.indexOf('”', i + 1)) {
    const name = nameAt(text, i + 1, SPEECH_VERBS);
    if (name) persons.push({ type: 'Person', name, surface: name, start: i + 1, end: i + 1 + name.length, rule: 'person:speaker', props: {} });
  }
  return { persons, positions };
}

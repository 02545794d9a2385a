// The trained recogniser's spans (src/nlp/ner) as candidate mentions. The model proposes, the rules decide: a span
// becomes a mention only where the rules' tables type it, never where a rule mention already stands, and the rules'
// own finds are kept as they are. Rule ids: person:ner, company:ner, agency:ner, organization:ner.
import {
  COMPANY_SUFFIXES,
  INDUSTRY_WORDS,
  NOT_NAMES,
  ORGANIZATION_SUFFIXES,
  PROJECT_SUFFIXES,
} from '../lexicon/names.ts';
import { BODY_TABLE } from '../lexicon/offices.ts';
import { readTable } from '../lexicon/table.ts';
import type { Entity as NerSpan, EntityType as NerType } from '../nlp/ner/index.ts';
import { type Token, tokens } from '../nlp/jieba.ts';
import { paragraphs, type Span, spanAt } from '../nlp/sentences.ts';
import { startsWithSurname } from '../page/surnames.ts';
import { type EntityName, PLACE_TYPES } from '../names.ts';
import type { Mention } from '../schema.ts';
import { findAgencies, type PlaceContext, STATE_NAMES } from './agency.ts';
import { openingBoundaryWords } from './boundary.ts';
import { findCompanies, leadingPlace } from './company.ts';
import { isAddressForm } from './person.ts';
import type { ExtractContext } from './context.ts';
import { findOrganizations } from './organization.ts';
import { findPlaces } from './place.ts';

export type { NerSpan };

/** What the run computes for an article before extracting it: the recogniser's spans, offsets into `article.body`. */
export interface ArticleLayer {
  ner: NerSpan[];
}

/**
 * The span types taken as candidates (LOC: the gazetteer decides places; TIME: no entity). The combination measured
 * best on the gold pages (docs/bench.md, "The recogniser in the extraction").
 */
export const NER_TYPES: ReadonlySet<NerType> = new Set<NerType>(['PER', 'ORG']);

/** A Chinese name of 2–4 Han characters, or a transliterated one whose parts a middle dot joins (约翰·史密斯). */
const PERSON_NAME = /^(?:\p{Script=Han}{2,4}|\p{Script=Han}+(?:[·•]\p{Script=Han}+)+)$/u;
/** A foreign name in letters (Grubby, Moon): one word of 2–20 Latin letters. */
const LATIN_NAME = /^[A-Z][a-z]+(?:[A-Z][a-z]+)?$/;
/** English words the model takes for names at the start of a title (The Witcher). */
const LATIN_WORDS = new Set(['The', 'This', 'That', 'And', 'For', 'With', 'From', 'New', 'Game', 'Games', 'World']);
/** 周一审, 周中, 周末: 周 before a day or part of the week is a time, not a person named 周. */
const TIME_LIKE = /^周[一二三四五六日天末中]/;
/** Characters of transliterated foreign names (data/transliteration.tsv): 埃雷拉, 贝鲁斯科尼. */
const TRANSLITERATION: ReadonlySet<string> = new Set(
  readTable('transliteration.tsv', { columns: ['character'] }).map((r) => r.character),
);
/** A transliterated name of 2–7 characters, every one of them of the transliteration table. */
const isTransliterated = (name: string): boolean =>
  name.length >= 2 && name.length <= 7 && [...name].every((c) => TRANSLITERATION.has(c));
/** jieba tags of a word that is a name or is unknown to its dictionary: any other one-word tag is a common word. */
const NAME_TAGS = /^(?:nr|x)/;
/**
 * Two characters ending like a village or a river works (冯屯, 李庄, 冯堤) or a province's region (鲁西, 冀中): a place
 * the gazetteer lacks.
 */
const PLACE_LIKE =
  /^(?:\p{Script=Han}[屯村庄营寨堡集铺湾岭峪沟洼坡堤坝闸渡]|[鲁冀豫晋苏浙皖赣闽粤桂湘鄂川黔滇陕甘辽吉黑蒙京津沪渝琼][东西南北中])$/u;
/** A name as the first word of a doctrine's (习近平新时代中国特色社会主义思想, 习近平文化思想) mentions no person. */
const DOCTRINE = /^\s*(?:新时代|\p{Script=Han}{0,3}思\s*想)/u;

/** How an organisation's name ends decides its type where no rule reads it whole (data/org-heads.tsv). */
const ORG_HEADS = readTable('org-heads.tsv', {
  columns: ['ending', 'type'],
  values: { type: ['Company', 'Agency', 'Organization', 'none'] },
})
  .map((r) => ({ ending: r.ending, type: r.type as 'Company' | 'Agency' | 'Organization' | 'none' }))
  .sort((a, b) => b.ending.length - a.ending.length);
const BODY_FORMS: ReadonlySet<string> = new Set(BODY_TABLE.keys());
/** Words of a match report (data/sports-words.tsv), by role. */
const SPORTS = readTable('sports-words.tsv', {
  columns: ['word', 'role'],
  values: { role: ['report', 'opponent', 'team', 'precedes'] },
});
const sportsWords = (...roles: string[]): string =>
  SPORTS.filter((r) => roles.includes(r.role))
    .map((r) => r.word)
    .join('|');
/** A score beside a name (拜仁2-1, 2：1客胜) or `vs`; in a sentence only 3比0 or `vs` (2-3年 and 10:30 are no scores). */
const SCORE = '\\d\\s*[-:：比]\\s*\\d|vs|VS';
/** A paragraph that reports a match: a word of sports-words.tsv, 3比0 or `vs`. */
const MATCH_REPORT = new RegExp(`\\d\\s*比\\s*\\d|vs|VS|${sportsWords('report', 'opponent', 'precedes')}`);
/** What right after a name makes it a team's (曼联队, 雷吉纳主场, 米德尔vs博尔顿, 拜仁2-1): no person. */
const TEAM_AFTER = new RegExp(`^\\s*(?:${SCORE}|${sportsWords('opponent', 'team')})`);
/** What right before a name makes it a team's (对阵桑坦德, vs博尔顿, 2-1客胜乌迪内斯, 对手维拉). */
const TEAM_BEFORE = new RegExp(`(?:${SCORE}|${sportsWords('opponent', 'precedes')})\\s*$`);
/**
 * Endings that make a name before them part of a longer name (盖蒂信托, 索维娅国际艺术村, 威廉希尔公司): a company's or
 * an organisation's name, a head of org-heads.tsv of two characters or more.
 */
const NAME_HEADS = [
  ...COMPANY_SUFFIXES,
  ...ORGANIZATION_SUFFIXES,
  ...ORG_HEADS.filter((h) => h.ending.length >= 2 && h.type !== 'none').map((h) => h.ending),
  '国际',
];

/** Endings of two characters or more of businesses and organisations (org-heads.tsv): 信托, 基金, 协会. */
const BUSINESS_HEADS = ORG_HEADS.filter(
  (h) => h.ending.length >= 2 && (h.type === 'Company' || h.type === 'Organization'),
).map((h) => h.ending);

/**
 * The candidate mentions of `spans` in `text` that no rule mention in `found` covers or overlaps; a place inside an
 * organisation's name (北京 in 北京银行) stays a place and leaves the name to the model.
 */
export function nerMentions(
  text: string,
  spans: readonly NerSpan[],
  ctx: ExtractContext,
  where: PlaceContext,
  found: readonly Mention[],
): Mention[] {
  const out: Mention[] = [];
  const paras = paragraphs(text);
  /** Whether rule mention `m` stands in the way of a candidate at `start`–`end` (a place inside an ORG span does not). */
  const blocks = (m: Mention, start: number, end: number, org: boolean): boolean =>
    m.start < end
    && m.end > start
    && !(org && PLACE_TYPES.has(m.type as EntityName) && m.start >= start && m.end <= end);
  for (const span of spans) {
    if (!NER_TYPES.has(span.type) || text.slice(span.start, span.end) !== span.text) continue;
    const org = span.type === 'ORG';
    if ([...found, ...out].some((m) => blocks(m, span.start, span.end, org))) continue;
    const m = org ? bodyOf(text, span, ctx, where, paras) : span.type === 'PER' ? personOf(text, span, ctx) : null;
    // An ORG span may grow by an industry word (普阳钢铁) into a rule's mention: the rule's reading stands.
    if (m && ![...found, ...out].some((o) => blocks(o, m.start, m.end, org))) out.push(m);
  }
  return out;
}

/**
 * The rules' agencies that the recogniser's ORG span carries on into one of its units (国家体育总局|体育彩票管理中心,
 * 福建省公安厅|经侦总队, 白宫|国家安全委员会): the unit is the body printed, named after its parent's canonical name.
 * The span starts where the agency does and what follows it ends in a body's ending (data/org-heads.tsv: 局, 处,
 * 委员会, 总队, 中心). Returns each such agency with the unit that takes its place.
 */
export function unitsOf(text: string, spans: readonly NerSpan[], agencies: readonly Mention[]): Map<Mention, Mention> {
  const units = new Map<Mention, Mention>();
  for (const m of agencies) {
    const span = spans.find((s) => s.type === 'ORG' && s.start === m.start && s.end > m.end);
    if (!span) continue;
    const rest = text.slice(m.end, span.end);
    const head = headOf(rest);
    if (!head || !(head.type === 'Agency' || head.ending.endsWith('中心')) || !NAME_CHARS.test(rest)) continue;
    if (openingBoundaryWords(rest) > 0) continue;
    // 县委县政府, 财政部证监会: a second body printed right after the first (its jurisdiction a bare level, or a
    // national body) is no unit of it; 国家税务总局贵州省税务局 is.
    const next = agencies.find((o) => o.start === m.end);
    if (next && (/^[市县区镇乡省]/.test(rest) || next.rule === 'agency:national' || next.rule === 'agency:foreign')) {
      continue;
    }
    const surface = text.slice(m.start, span.end);
    units.set(m, { ...m, name: m.name + rest, surface, end: span.end, rule: 'agency:ner', props: {} });
  }
  return units;
}

/**
 * A PER span of `text` as a Person, where it has a name's shape: a Chinese name opening with a surname (or after a
 * title: 区长汲广树), a transliterated or dotted foreign name, one in Latin letters. Vetoed where it is a place of the
 * gazetteer or looks like one, a form of address (李先生), holds a title, is a common word, is quoted, names a
 * doctrine, is a team's (桑坦德主场) or opens a longer name (盖蒂信托).
 */
function personOf(text: string, found: NerSpan, ctx: ExtractContext): Mention | null {
  const span = withNameEnd(text, found, /^nr/);
  const name = span.text;
  const latin = LATIN_NAME.test(name) && name.length <= 20 && !LATIN_WORDS.has(name);
  const foreign = name.includes('·') || isTransliterated(name) || latin;
  if (!(PERSON_NAME.test(name) || isTransliterated(name) || latin) || NOT_NAMES.includes(name)) return null;
  if (ctx.gazetteer.forms.has(name) || PLACE_LIKE.test(name) || TIME_LIKE.test(name) || isAddressForm(name)) {
    return null;
  }
  if (!foreign && !startsWithSurname(name) && !titleBefore(text, span.start, ctx)) return null;
  if (ctx.titles.scan(name).length) return null; // 王书记, 李局长
  // jieba's one-word tag: a common word is no name (a transliterated name it mostly tags at random: 奥巴马/ns).
  const words = foreign ? [] : tokens(name);
  if (words.length === 1 && !NAME_TAGS.test(words[0]!.tag)) return null;
  if (
    insideMarks(text, span.start, '“', '”')
    || insideMarks(text, span.start, '《', '》')
    || DOCTRINE.test(text.slice(span.end, span.end + 8))
  ) {
    return null;
  }
  const after = text.slice(span.end, span.end + 8);
  if (TEAM_AFTER.test(after) || TEAM_BEFORE.test(text.slice(Math.max(0, span.start - 6), span.start))) return null;
  // 盖蒂|信托公司: the opening of a longer name. 盖蒂信托: a business's or organisation's name itself (not 海军, a
  // given name as often as a navy: 于海军).
  if (NAME_HEADS.some((h) => after.startsWith(h))) return null;
  if (BUSINESS_HEADS.some((h) => name.endsWith(h) && name.length > h.length)) return null;
  return { type: 'Person', name, surface: name, start: span.start, end: span.end, rule: 'person:ner', props: {} };
}

/**
 * An ORG span as a body. Where the agency, company or organisation rule read alone spans all of it, that rule gives
 * its type and canonical name (the tables, the gazetteer for a jurisdiction); else its ending does
 * (data/org-heads.tsv), and a name with no known ending is a brand (新浪, 工行) or, in a match report, a team (曼联);
 * a brand before an industry word is named with it (普阳钢铁). No body: a place of the gazetteer, one character, a
 * span with marks in it (▶科技), a phrase of common words (新能源汽车, 核心竞争力), a department or body printed
 * without its jurisdiction or after a bare level (统计局, 政协, 镇政府, 市属开发区党群工作部: the rules found none).
 */
function bodyOf(
  text: string,
  found: NerSpan,
  ctx: ExtractContext,
  where: PlaceContext,
  paras: readonly Span[],
): Mention | null {
  const span = withNameEnd(text, found, /^(?:nz|nt)$/);
  const printed = span.text;
  const alone = { ...where, places: findPlaces(printed, ctx) };
  const read = [
    ...findAgencies(printed, ctx, alone),
    ...findCompanies(printed, ctx),
    ...findOrganizations(printed, ctx),
  ];
  // The rules' longest reading that ends where the span does: all of it, or its name after words the model took in
  // front of it (这一盘口状态下英国必发公司 → 英国必发公司).
  const whole = read.filter((m) => m.end === printed.length).sort((a, b) => a.start - b.start)[0];
  if (whole) {
    const rule = `${whole.type.toLowerCase()}:ner`;
    const start = span.start + whole.start;
    return { type: whole.type, name: whole.name, surface: whole.surface, start, end: span.end, rule, props: {} };
  }
  if (!NAME_CHARS.test(printed) || [...printed].length < 2 || ctx.gazetteer.forms.has(printed)) return null;
  const paragraph = spanAt(paras, span.start)?.text ?? '';
  // A state's name: its national team in a match report (俄罗斯vs巴西), else the state itself, which is no body.
  if (STATE_NAMES.has(printed)) {
    if (!MATCH_REPORT.test(paragraph)) return null;
    return {
      type: 'Organization',
      name: printed,
      surface: printed,
      start: span.start,
      end: span.end,
      rule: 'organization:ner',
      props: {},
    };
  }
  const words = tokens(printed);
  if (alone.places.some((p) => p.surface === printed) || withoutJurisdiction(printed, words, ctx)) return null;
  // 泗水县委县政府, 镇党委政府: two bodies printed together, which the rules name each where they know the place.
  if (TWO_BODIES.test(printed)) return null;
  let end = span.end;
  // 普阳钢铁投资|建设的…: a last word that is the firm's doing, before a verb or 的, is no part of its name.
  const doing = [...VERB_WORDS].find((w) => printed.endsWith(w) && printed.length - w.length >= 2);
  const next = tokens(text.slice(end, end + 4))[0];
  const trimmed = doing !== undefined && next !== undefined && /^(?:v|vn|uj)$/.test(next.tag);
  if (trimmed) end -= doing.length;
  if (!headOf(text.slice(span.start, end))) {
    for (let w = industryAt(text, end); w; w = industryAt(text, end)) end += w.length;
  }
  const head = headOf(text.slice(span.start, end));
  // 上述中储粮黑龙江公司, 再次中标西门子集团: boundary words (data/boundary-words.tsv) the model took in front of a
  // name are no part of it; with nothing left before its ending (主流公司), no name at all.
  const cut = head ? openingBoundaryWords(text.slice(span.start, end)) : 0;
  if (head && cut >= end - span.start - head.ending.length) return null;
  const start = span.start + cut;
  const name = text.slice(start, end);
  if (head?.type === 'none' || BRAND_LIST.test(text.slice(end, end + 40))) return null;
  // Part of a longer name the model cut short: 菏泽航空制造|中心, 德州京津冀办公室|驻京招商联络处.
  if (!trimmed && (LONGER_NAME_HEADS.some((h) => text.startsWith(h, end)) || text.startsWith('驻', end))) return null;
  // A phrase of common words (新能源汽车, 核心竞争力) is no name, unless a body's own ending ends it (兴业银行).
  const common = words.every((w) => (words.length > 1 ? COMMON_TAGS : FUNCTION_TAGS).test(w.tag));
  // 信源集团: a common word before 集团 the model reads as one group's name is a brand, unless it is a trade (能源集团).
  const group = head?.ending === '集团' && !INDUSTRY_WORDS.includes(name.slice(0, -head.ending.length));
  if (common && !group && (!head || INDUSTRY_WORDS.includes(head.ending))) return null;
  const type = head?.type ?? (MATCH_REPORT.test(paragraph) ? 'Organization' : 'Company');
  return { type, name, surface: name, start, end, rule: `${type.toLowerCase()}:ner`, props: {} };
}

/** Endings that continue a name: any head of org-heads.tsv of two characters or more, a project's ending. */
const LONGER_NAME_HEADS = [...ORG_HEADS.filter((h) => h.ending.length >= 2).map((h) => h.ending), ...PROJECT_SUFFIXES];
/** The longest head of org-heads.tsv that `name` ends in, with something before it. */
const headOf = (name: string) => ORG_HEADS.find((h) => name.endsWith(h.ending) && name.length > h.ending.length);
/** Industry words that are also verbs (a firm's 投资, 建设, 发展). */
const VERB_WORDS: ReadonlySet<string> = new Set(['投资', '建设', '发展']);
/** The industry word of data/industry-words.tsv at `at` (the longest), where it is a noun. */
function industryAt(text: string, at: number): string | undefined {
  const word = INDUSTRY_WORDS.find((w) => text.startsWith(w, at));
  // 普阳钢铁投资建设的…: an industry word jieba reads as a verb there (投资, 建设, 发展) is what the firm does.
  if (!word || !VERB_WORDS.has(word)) return word;
  const read = tokens(text.slice(at, at + word.length + 4))[0];
  return read && read.word === word && /^v/.test(read.tag) ? undefined : word;
}
/** A list of brands (阳谷华泰、华信泰格等多个知名商标品牌): trade marks, not the businesses. */
const BRAND_LIST = /^[^。；，！？\n]*?等[^。；，！？\n]{0,8}(?:品牌|商标)/;

/** A party committee or government right after another (县委县政府, 市委市政府, 党委政府). */
const TWO_BODIES = /(?:委|政府)[市县区镇乡省]?(?:党委|委|政府|人大|政协)/;
/** Han characters, letters, digits and the marks names hold (·, &, brackets): ▶科技 and 中国“十佳” are no names. */
const NAME_CHARS = /^[\p{Script=Han}A-Za-z0-9·&（）()-]+$/u;
/** jieba tags of common words: a span of several of them is a phrase (新能源汽车), not a name. */
const COMMON_TAGS = /^(?:n|vn|v|a|ad|an|d|m|q|f|b|l|i|z)$/;
/** jieba tags of a word alone that no brand is (驻外/vn); brands jieba takes for verbs or adjectives (招行, 平安) pass. */
const FUNCTION_TAGS = /^(?:vn|vd|d|ad|p|c|r|u|m|q|f)$/;
/** A department or body printed alone (统计局, 政协), or after a bare level (镇政府, 市住建委, 市属…): no jurisdiction. */
function withoutJurisdiction(name: string, words: readonly Token[], ctx: ExtractContext): boolean {
  const dept = ctx.departments.longestAt(name, 0);
  if (dept && dept.end === name.length && dept.value.kind !== 'national') return true;
  if (BODY_FORMS.has(name) || (/^[市县区镇乡省]/.test(name) && BODY_FORMS.has(name.slice(1)))) return true;
  const first = words[0]?.word ?? '';
  return /^[市县区镇乡省][属直]?$/.test(first);
}

/**
 * The span, ending where jieba's dictionary name (a word with one of `tags`) that starts with it ends (吴冠|中 → 吴冠中,
 * 陈嘉|上 → 陈嘉上, 佳士|得 → 佳士得): the model sometimes stops a name one character early where the next one could
 * open a word.
 */
function withNameEnd(text: string, span: NerSpan, tags: RegExp): NerSpan {
  const first = tokens(text.slice(span.start, span.start + 6))[0];
  if (!first || !tags.test(first.tag) || first.word.length <= span.text.length || first.word.length > 4) return span;
  if (!first.word.startsWith(span.text)) return span;
  return { ...span, end: span.start + first.word.length, text: first.word };
}

/** Whether a title of office ends right at `at` (区长|汲广树). */
function titleBefore(text: string, at: number, ctx: ExtractContext): boolean {
  const before = text.slice(Math.max(0, at - 8), at);
  return ctx.titles.scan(before).some((t) => t.end === before.length);
}

/**
 * Whether `at` is inside a pair of `open`/`close` marks of its paragraph. Quotation marks (“城，所以盛民也。”,
 * “博特高端精密薄壁特种轴承”项目) hold words, a work's title marks (《哈利·波特与魔法石》) the work's own names: not
 * the article's persons.
 */
function insideMarks(text: string, at: number, open: string, close: string): boolean {
  const para = text.slice(text.lastIndexOf('\n', at) + 1, at);
  return para.lastIndexOf(open) > para.lastIndexOf(close);
}

/**
 * A company name whose start the rules walked too far back (这一盘口状态下英国必发公司, 持有美国雷曼兄弟公司) starts
 * where the recogniser's ORG span of the same end starts, where the words it leaves out end in a verb or a function
 * word and no place opens the rules' name (山东…有限公司).
 */
export function startedByModel(companies: Mention[], spans: readonly NerSpan[], ctx: ExtractContext): Mention[] {
  return companies.map((m) => {
    const span = spans.find((s) => s.type === 'ORG' && s.end === m.end && s.start > m.start && s.end - s.start >= 4);
    if (!span || leadingPlace(m.surface, ctx)) return m;
    const cut = span.start - m.start;
    if (m.name !== m.surface || m.surface.slice(cut) !== span.text) return m;
    // Only where what the model left out ends in a word no name ends in: a verb, a postposition (状态下), a particle.
    const last = tokens(m.surface.slice(0, cut)).at(-1);
    if (!last || !/^(?:v|vn|f|p|u|uj|ul|d|c|r|m)$/.test(last.tag)) return m;
    return { ...m, name: span.text, surface: span.text, start: span.start };
  });
}

// The trained recogniser's spans (src/nlp/ner) as candidate mentions. The model proposes, the rules decide: a span
// becomes a mention only where the rules' tables type it, never where a rule mention already stands, and the rules'
// own finds are kept as they are. Rule ids: person:ner, company:ner, agency:ner, organization:ner.
import { NOT_NAMES } from '../lexicon/names.ts';
import type { Entity as NerSpan, EntityType as NerType } from '../nlp/ner/index.ts';
import { tokens } from '../nlp/jieba.ts';
import { startsWithSurname } from '../page/surnames.ts';
import type { Mention } from '../schema.ts';
import { findAgencies, type PlaceContext } from './agency.ts';
import { findCompanies } from './company.ts';
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

/** The candidate mentions of `spans` in `text` that no rule mention in `found` covers or overlaps. */
export function nerMentions(
  text: string,
  spans: readonly NerSpan[],
  ctx: ExtractContext,
  where: PlaceContext,
  found: readonly Mention[],
): Mention[] {
  const out: Mention[] = [];
  for (const span of spans) {
    if (!NER_TYPES.has(span.type) || text.slice(span.start, span.end) !== span.text) continue;
    if ([...found, ...out].some((m) => m.start < span.end && m.end > span.start)) continue;
    const m = span.type === 'PER' ? personOf(text, span, ctx) : span.type === 'ORG' ? bodyOf(span, ctx, where) : null;
    if (m) out.push(m);
  }
  return out;
}

/**
 * A PER span of `text` as a Person, unless it is no name's shape, is a place of the gazetteer or looks like one, starts
 * with no surname (and follows no title: 区长汲广树), holds a title, is a common word, is quoted or names a doctrine.
 */
function personOf(text: string, span: NerSpan, ctx: ExtractContext): Mention | null {
  const name = span.text;
  if (!PERSON_NAME.test(name) || NOT_NAMES.includes(name)) return null;
  if (ctx.gazetteer.forms.has(name) || PLACE_LIKE.test(name)) return null;
  if (!name.includes('·') && !startsWithSurname(name) && !titleBefore(text, span.start, ctx)) return null;
  if (ctx.titles.scan(name).length) return null; // 王书记, 李局长
  const words = tokens(name);
  if (words.length === 1 && !NAME_TAGS.test(words[0]!.tag)) return null;
  if (isQuoted(text, span.start) || DOCTRINE.test(text.slice(span.end, span.end + 8))) return null;
  return { type: 'Person', name, surface: name, start: span.start, end: span.end, rule: 'person:ner', props: {} };
}

/**
 * An ORG span as the rules read it alone: the agency, company or organisation rule (their suffix and department
 * tables, the gazetteer for a jurisdiction) whose mention spans all of it gives its type and canonical name.
 */
function bodyOf(span: NerSpan, ctx: ExtractContext, where: PlaceContext): Mention | null {
  const name = span.text;
  const alone = { ...where, places: findPlaces(name, ctx) };
  const read = [...findAgencies(name, ctx, alone), ...findCompanies(name, ctx), ...findOrganizations(name, ctx)];
  const whole = read.find((m) => m.start === 0 && m.end === name.length);
  if (!whole) return null;
  const rule = `${whole.type.toLowerCase()}:ner`;
  return { type: whole.type, name: whole.name, surface: name, start: span.start, end: span.end, rule, props: {} };
}

/** Whether a title of office ends right at `at` (区长|汲广树). */
function titleBefore(text: string, at: number, ctx: ExtractContext): boolean {
  const before = text.slice(Math.max(0, at - 8), at);
  return ctx.titles.scan(before).some((t) => t.end === before.length);
}

/**
 * Whether `at` is inside quotation marks of its paragraph: a quotation (“城，所以盛民也。”) or a quoted project
 * (“博特高端精密薄壁特种轴承”项目) holds words, not the article's persons.
 */
function isQuoted(text: string, at: number): boolean {
  const para = text.slice(text.lastIndexOf('\n', at) + 1, at);
  return para.lastIndexOf('“') > para.lastIndexOf('”');
}

// Every record that crosses a module boundary or is written to disk is defined here, and every type in the code
// is inferred from these schemas. The contract they encode is ../shared/SCHEMA.md.
import { z } from 'zod';
import { ENTITY_TYPES, RELATION_TYPES } from './names.ts';

export * from './names.ts';

export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

export const RelationType = z.enum(RELATION_TYPES);
export type RelationType = z.infer<typeof RelationType>;

export const ReporterRole = z.enum(['reporter', 'correspondent']);
export type ReporterRole = z.infer<typeof ReporterRole>;

export const Reporter = z.object({ name: z.string().min(1), role: ReporterRole });
export type Reporter = z.infer<typeof Reporter>;

/** Whether `s` is an ISO date YYYY-MM-DD of the calendar (not 2023-13-45 or 2023-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d); // unlike Date.UTC, keeps years below 100 as they are
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const isoDate = z.string().refine(isCalendarDate, 'expected an ISO date YYYY-MM-DD, a day of the calendar');

/** One article of a page (or one line of a .jsonl input), after segmentation and normalization. */
export const Article = z.object({
  /** `<page file stem>#<n>` in page order (n from 1), or the id a .jsonl line gave. */
  id: z.string().min(1),
  file: z.string(),
  index: z.number().int().nonnegative(),
  title: z.string().nullable(),
  kicker: z.string().nullable(),
  subtitle: z.string().nullable(),
  date: isoDate.nullable(),
  reporters: z.array(Reporter),
  /** The normalized body text; relation offsets point into it. */
  body: z.string(),
});
export type Article = z.infer<typeof Article>;

/** Entity id: `<type>:<canonical name>`. */
export const entityId = (type: EntityType, name: string): string => `${type}:${name}`;

export const EntityProps = z
  .object({
    investment_yuan: z.number().nonnegative().optional(),
    investment_text: z.string().optional(),
    /** Administrative division code from the gazetteer, for County, City and Town. */
    division_code: z.string().optional(),
  })
  .catchall(z.union([z.string(), z.number(), z.boolean()]));
export type EntityProps = z.infer<typeof EntityProps>;

export const Entity = z
  .object({
    id: z.string().min(3),
    type: EntityType,
    name: z.string().min(1),
    aliases: z.array(z.string()),
    articles: z.array(z.string()).min(1),
    props: EntityProps,
  })
  .refine((e) => e.id === entityId(e.type, e.name), { message: 'id must be "<type>:<name>"' });
export type Entity = z.infer<typeof Entity>;

export const RelationProps = z
  .object({
    role: z.string().optional(),
    title: z.string().optional(),
    amount_yuan: z.number().nonnegative().optional(),
    count: z.number().int().positive().optional(),
  })
  .catchall(z.union([z.string(), z.number(), z.boolean()]));
export type RelationProps = z.infer<typeof RelationProps>;

/** A relationship with its provenance: the article, the normalized evidence sentence and its offsets, the rule. */
export const Relation = z
  .object({
    type: RelationType,
    from: z.string().min(3),
    to: z.string().min(3),
    article: z.string().min(1),
    evidence: z.string(),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    rule: z.string().min(1),
    props: RelationProps,
    /** Where the evidence is printed in the page file `article.file` (absent for articles of .jsonl inputs). */
    page: z
      .object({ line: z.number().int().positive(), start: z.number().int().nonnegative(), end: z.number().int() })
      .refine((p) => p.end >= p.start, { message: 'page end must not be before page start' })
      .optional(),
  })
  .refine((r) => r.end >= r.start, { message: 'end must not be before start' });
export type Relation = z.infer<typeof Relation>;

/** `page` as flat properties (PAGE_KEYS): Neo4j stores no nested maps; none for a relation without a page. */
export const pageProps = (page: Relation['page']): Record<string, number> =>
  page ? { page_line: page.line, page_start: page.start, page_end: page.end } : {};

/** What extraction of one article yields, before cross-article merging. */
export const ArticleGraph = z.object({
  article: Article,
  entities: z.array(Entity),
  relations: z.array(Relation),
});
export type ArticleGraph = z.infer<typeof ArticleGraph>;

/** A line of a .jsonl input: an article that needs no page segmentation. */
export const JsonlArticle = z.object({
  id: z.string().min(1),
  text: z.string(),
  title: z.string().optional(),
  date: isoDate.optional(),
  file: z.string().optional(),
});
export type JsonlArticle = z.infer<typeof JsonlArticle>;

// Gold annotations (gold/<page stem>.gold.json).
export const GoldEntity = z.object({
  type: EntityType,
  name: z.string(),
  aliases: z.array(z.string()).default([]),
  props: z.record(z.string(), z.unknown()).optional(),
});
export type GoldEntity = z.infer<typeof GoldEntity>;

export const GoldRelation = z.object({
  type: RelationType,
  from: z.string(),
  to: z.string(),
  props: z.record(z.string(), z.unknown()).optional(),
});
export type GoldRelation = z.infer<typeof GoldRelation>;

export const GoldArticle = z.object({
  headline: z.string().nullable(),
  kicker: z.string().nullable().optional(),
  subtitle: z.string().nullable().optional(),
  first_words: z.string(),
  reporters: z.array(Reporter),
  entities: z.array(GoldEntity),
  relations: z.array(GoldRelation),
  notes: z.string().optional(),
});
export type GoldArticle = z.infer<typeof GoldArticle>;

export const GoldPage = z.object({
  file: z.string(),
  /** The home city of the paper; absent: the default (src/settings.ts). */
  city: z.string().optional(),
  articles: z.array(GoldArticle),
});
export type GoldPage = z.infer<typeof GoldPage>;

/** A printed mention of an entity in an article body, before resolution merges mentions into entities. */
export const Mention = z.object({
  type: EntityType,
  /** Canonical name as far as the mention alone tells (resolve may still merge it into a longer one). */
  name: z.string().min(1),
  surface: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  rule: z.string(),
  props: EntityProps.default({}),
});
export type Mention = z.infer<typeof Mention>;

// Corrections (DIR/corrections.jsonl, src/correct/): a researcher's fixes, one a line, applied after extraction.
const correctionBase = {
  /** When it was made (ISO 8601). */
  at: z.string().datetime({ offset: true, message: 'expected an ISO time, e.g. 2026-12-02T14:00:00Z' }),
  by: z.string().optional(),
  note: z.string().optional(),
};
const entityRef = z.string().regex(/^[A-Za-z]+:.+$/, 'expected an entity id <type>:<name>');

export const Correction = z.discriminatedUnion('op', [
  z
    .object({ op: z.literal('merge'), ids: z.array(entityRef).min(1), into: entityRef, ...correctionBase })
    .refine((c) => !c.ids.includes(c.into), { message: 'into must not be among ids' }),
  z.object({ op: z.literal('rename'), id: entityRef, name: z.string().trim().min(1), ...correctionBase }),
  z.object({ op: z.literal('alias'), id: entityRef, alias: z.string().trim().min(1), ...correctionBase }),
  z.object({ op: z.literal('retype'), id: entityRef, type: EntityType, ...correctionBase }),
  z.object({ op: z.literal('delete'), id: entityRef, ...correctionBase }),
  z.object({
    op: z.literal('delete-relation'),
    type: RelationType,
    from: entityRef,
    to: entityRef,
    article: z.string().min(1).optional(),
    ...correctionBase,
  }),
]);
export type Correction = z.infer<typeof Correction>;

// The unit of work of a run: one input item, a page file (segmented into articles) or one line of a .jsonl file (an
// article already), with its home city. unitArticles and extractArticles are pure (text and the recogniser's spans
// in, validated graphs out); serializeUnit turns their result into the exact lines `kg extract` writes, so that a
// worker thread, the in-process path and the incremental cache all hand the writer the same bytes.
import { articleFromJsonl, segmentPage, type PagePlace } from '../page/index.ts';
import { EntityIndex } from '../resolve/corpus.ts';
import { Article, type ArticleGraph, Entity, type JsonlArticle, Relation } from '../schema.ts';
import { createContext, extractArticle, type ExtractContext } from '../extract/index.ts';
import type { ArticleLayer } from '../extract/ner.ts';
import type { LayerSource } from './layer.ts';

/** One input item to extract: a page's decoded text (`name` relative to its input root), or a .jsonl article line;
 * `city` is its paper's. */
export type Unit =
  | { kind: 'page'; file: string; name: string; stem: string; text: string; city: string }
  | { kind: 'article'; file: string; line: number; article: JsonlArticle; city: string };

/** What a unit yields besides records: a page without articles, an article whose records fail validation. */
export type Note =
  | { kind: 'skipped'; file: string; line?: number; message: string }
  | { kind: 'invalid'; article: string; message: string };

export interface UnitGraphs {
  graphs: ArticleGraph[];
  notes: Note[];
}

/**
 * A unit's records as written: jsonl text (one line per record, each ending in \n; UTF-8 bytes when read back from
 * the incremental state) plus what the writer indexes.
 */
export interface UnitRecords {
  articleIds: string[];
  /** articles.jsonl lines of the unit. */
  articles: string | Uint8Array;
  /** relations.jsonl lines of the unit. */
  relations: string | Uint8Array;
  /**
   * The unit's entities, merged across its articles as the corpus index merges them (merging a page's entities first
   * gives the corpus index the same result as adding them one by one, with fewer records to carry).
   */
  entities: Entity[];
  /** Relations per type, for the summary. */
  relationTypes: Record<string, number>;
  notes: Note[];
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function unitBytes(unit: Unit): number {
  return Buffer.byteLength(unit.kind === 'page' ? unit.text : unit.article.text);
}

/**
 * A page segmented into articles with each one's place on the page (or the .jsonl line's article, which has none),
 * or the note saying why there is none.
 */
export function unitArticles(
  unit: Unit,
  opts: { date?: string | null } = {},
): { articles: Article[]; places: PagePlace[] | null } | { note: Note } {
  const skipped = (text: string): { note: Note } => ({
    note: { kind: 'skipped', file: unit.file, ...(unit.kind === 'article' ? { line: unit.line } : {}), message: text },
  });
  try {
    if (unit.kind === 'article') return { articles: [articleFromJsonl(unit.article, unit.line - 1)], places: null };
    const page = segmentPage(unit.text, { file: unit.name, stem: unit.stem, date: opts.date ?? null });
    if (page.length === 0) return skipped('no article found on the page');
    return { articles: page.map((p) => p.article), places: page.map((p) => p.place) };
  } catch (err) {
    return skipped(`cannot segment: ${message(err)}`);
  }
}

/**
 * Extracts and validates every article with `ctx`, the context of the unit's city, each article's layer (the
 * recogniser's spans) and its place on the page where given; never throws for bad text.
 */
export function extractArticles(
  articles: readonly Article[],
  ctx: ExtractContext,
  layers: readonly ArticleLayer[] | null,
  places: readonly PagePlace[] | null = null,
): UnitGraphs {
  const out: UnitGraphs = { graphs: [], notes: [] };
  articles.forEach((article, i) => {
    try {
      out.graphs.push(validate(extractArticle(article, ctx, layers?.[i], places?.[i])));
    } catch (err) {
      out.notes.push({ kind: 'invalid', article: article.id, message: message(err) });
    }
  });
  return out;
}

/** The extraction context of each city, built on first use: a run over several papers builds one per city. */
export function contextCache(): (city: string) => ExtractContext {
  const byCity = new Map<string, ExtractContext>();
  return (city) => byCity.get(city) ?? byCity.set(city, createContext({ city })).get(city)!;
}

/** What extracts a unit in one thread: the contexts of its cities and the source of its articles' layers. */
export interface UnitTools {
  contexts: (city: string) => ExtractContext;
  layers: LayerSource;
}

/**
 * A unit extracted with the context of its city, as the writer takes it (in this thread or in a worker): its
 * articles' layers first, all at once, then the extraction.
 */
export async function extractRecords(unit: Unit, tools: UnitTools, date: string | null): Promise<UnitRecords> {
  const read = unitArticles(unit, { date });
  if ('note' in read) return serializeUnit({ graphs: [], notes: [read.note] });
  const layers = await tools.layers.layers(read.articles);
  return serializeUnit(extractArticles(read.articles, tools.contexts(unit.city), layers, read.places));
}

export function serializeUnit(u: UnitGraphs): UnitRecords {
  const line = (r: unknown) => `${JSON.stringify(r)}\n`;
  const relationTypes: Record<string, number> = {};
  for (const g of u.graphs) for (const r of g.relations) relationTypes[r.type] = (relationTypes[r.type] ?? 0) + 1;
  const entities = new EntityIndex();
  for (const g of u.graphs) for (const e of g.entities) entities.add(e);
  return {
    articleIds: u.graphs.map((g) => g.article.id),
    articles: u.graphs.map((g) => line(g.article)).join(''),
    relations: u.graphs.flatMap((g) => g.relations.map(line)).join(''),
    entities: entities.entities(),
    relationTypes,
    notes: u.notes,
  };
}

/** Every record checked against its schema; the first failure names the record, and nothing of the article is written. */
export function validate(g: ArticleGraph): ArticleGraph {
  const check = <T>(
    schema: {
      safeParse(
        v: unknown,
      ):
        | { success: true; data: T }
        | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };
    },
    value: unknown,
    what: string,
  ): T => {
    const r = schema.safeParse(value);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw new Error(`${what} fails validation at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    return r.data;
  };
  return {
    article: check(Article, g.article, 'article'),
    entities: g.entities.map((e) => check(Entity, e, `entity ${e.id}`)),
    relations: g.relations.map((r) => check(Relation, r, `relation ${r.type} ${r.from} → ${r.to}`)),
  };
}

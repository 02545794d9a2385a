// A corpus in, records out: inputs → articles → per-article graphs, validated at the boundary. A generator, so
// that the CLI streams articles and relations to disk and memory holds only the entity index.
import { basename } from 'node:path';
import { readInputs } from '../ingest/read.ts';
import { articleFromJsonl, segmentPage } from '../page/index.ts';
import { Article, ArticleGraph, Entity, Relation } from '../schema.ts';
import { extractArticle, type ExtractContext } from './index.ts';

export type CorpusEvent =
  | { kind: 'article'; graph: ArticleGraph; bytes: number }
  | { kind: 'skipped'; file: string; line?: number; message: string }
  | { kind: 'invalid'; article: string; message: string };

export async function* extractCorpus(paths: string[], ctx: ExtractContext, opts: { date?: string | null } = {}): AsyncGenerator<CorpusEvent> {
  for await (const item of readInputs(paths)) {
    if (item.kind === 'error') {
      yield { kind: 'skipped', file: item.file, ...(item.line !== undefined ? { line: item.line } : {}), message: item.message };
      continue;
    }
    const articles = item.kind === 'page'
      ? segmentPage(item.text, { file: basename(item.file), stem: item.stem, date: opts.date ?? null })
      : [articleFromJsonl(item.article, item.line - 1)];
    if (item.kind === 'page' && articles.length === 0) {
      yield { kind: 'skipped', file: item.file, message: 'no article found on the page' };
      continue;
    }
    const bytes = item.kind === 'page' ? Buffer.byteLength(item.text) : Buffer.byteLength(item.article.text);
    for (const [i, article] of articles.entries()) {
      let graph: ArticleGraph;
      try {
        graph = validate(extractArticle(article, ctx));
      } catch (err) {
        yield { kind: 'invalid', article: article.id, message: err instanceof Error ? err.message : String(err) };
        continue;
      }
      yield { kind: 'article', graph, bytes: i === 0 ? bytes : 0 };
    }
  }
}

/** Every record checked against its schema; the first failure names the record, and nothing of the article is written. */
export function validate(g: ArticleGraph): ArticleGraph {
  const check = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, value: unknown, what: string): T => {
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

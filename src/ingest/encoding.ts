// Encoding detection for page files and .jsonl inputs: UTF-8 (with or without BOM) checked strictly first, UTF-16 by
// its BOM or, without one, by its NUL bytes falling on one side of the byte pairs; then GB18030/GBK when the bytes
// decode cleanly to mostly CJK text; then UTF-8 holding a few bytes that are not (a damaged page loses those bytes,
// replaced by U+FFFD and reported by line, not the whole page). chardet's guess only names what a rejected file looks
// like, so that the error says more than "undecodable".
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Detected = { encoding: string; bom: number } | { error: string };
/**
 * `text`: the decoded text, where checking a complete input decoded it (UTF-8), so that it is not decoded twice;
 * `replaced`: the lines (from 1) where bytes that are not UTF-8 became U+FFFD.
 */
type DetectedText = { encoding: string; bom: number; text?: string; replaced?: number[] } | { error: string };

/** iconv-lite names of the encodings a detection result can carry. */
export const ICONV_NAME: Readonly<Record<string, string>> = {
  'UTF-8': 'utf8',
  'UTF-8 with BOM': 'utf8',
  'UTF-16LE': 'utf16le',
  'UTF-16BE': 'utf16be',
  GB18030: 'gb18030',
};

/** Share of Han characters among the non-ASCII characters below which a GB18030 or UTF-16 reading is rejected. */
const MIN_HAN_SHARE = 0.6;
/** Share of the NUL bytes that must fall on one side of the byte pairs for UTF-16 without BOM (一 is 00 4E in LE). */
const MIN_NUL_SIDE = 0.8;
/** Damaged spots per well-read non-ASCII character up to which a file that is not quite UTF-8 is read as UTF-8. */
const MAX_DAMAGE_RATE = 0.01;
const HAN = /\p{Script=Han}/u;

/** The bytes decoded as UTF-8 (a BOM among them kept as U+FEFF), or null when they are not UTF-8. */
function strictUtf8(bytes: Uint8Array, complete: boolean): string | null {
  try {
    // With stream: true a multi-byte character cut at the end of a sample is not an error.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: !complete });
  } catch {
    return null;
  }
}

/** Whether the bytes read as `encoding` without replacement characters or NULs, and mostly as Han characters. */
function isMostlyCjk(bytes: Uint8Array, complete: boolean, encoding: string): boolean {
  let text = iconv.decode(Buffer.from(bytes), encoding, { stripBOM: false });
  if (!complete) text = text.slice(0, -1); // the last character of a sample may be cut in two
  if (text.includes('\ufffd') || text.includes('\0')) return false;
  let nonAscii = 0;
  let han = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (HAN.test(ch)) han++;
  }
  return nonAscii > 0 && han / nonAscii >= MIN_HAN_SHARE;
}

/** UTF-16 without BOM: ASCII characters (newlines, digits) put a NUL in every pair, on the high byte's side. */
function utf16WithoutBom(bytes: Uint8Array, complete: boolean): 'UTF-16LE' | 'UTF-16BE' | null {
  if (complete && bytes.length % 2 !== 0) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  const zeros = even + odd;
  const encoding = odd >= zeros * MIN_NUL_SIDE ? 'UTF-16LE' : even >= zeros * MIN_NUL_SIDE ? 'UTF-16BE' : null;
  const whole = complete ? bytes : bytes.subarray(0, bytes.length - (bytes.length % 2));
  return encoding && isMostlyCjk(whole, complete, ICONV_NAME[encoding]!) ? encoding : null;
}

/**
 * The bytes decoded as UTF-8 with U+FFFD for what is not, when the damage is small beside the characters that decode
 * well: at most one damaged spot (a run of U+FFFD), or one per MAX_DAMAGE_RATE non-ASCII characters read well. A
 * Latin-1 or GBK file read as UTF-8 is damaged at nearly every non-ASCII character, and stays an error.
 */
function lossyUtf8(bytes: Uint8Array): { text: string; replaced: number[] } | null {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const replaced: number[] = [];
  let spots = 0;
  let good = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) line++;
    else if (c === 0xfffd) {
      if (text.charCodeAt(i - 1) !== 0xfffd) spots++;
      if (replaced.at(-1) !== line) replaced.push(line);
    } else if (c >= 0x80) good++;
  }
  return spots <= Math.max(1, good * MAX_DAMAGE_RATE) ? { text, replaced } : null;
}

function guess(bytes: Uint8Array): string {
  const top = chardet.analyse(bytes)[0];
  return top ? `${top.name}, confidence ${top.confidence}%` : 'unknown';
}

/**
 * Detect the encoding of `bytes` (a whole file, or its first bytes when `complete` is false). `bom` is the number of
 * bytes of byte-order mark to skip.
 */
export function detectEncoding(bytes: Uint8Array, complete = true): Detected {
  const det = detect(bytes, complete);
  return 'error' in det ? det : { encoding: det.encoding, bom: det.bom };
}

function detect(bytes: Uint8Array, complete: boolean): DetectedText {
  if (bytes.length === 0) return { error: 'empty file' };
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = strictUtf8(bytes.subarray(3), complete);
    return text !== null
      ? { encoding: 'UTF-8 with BOM', bom: 3, ...(complete ? { text } : {}) }
      : { error: 'starts with a UTF-8 byte-order mark but holds bytes that are not UTF-8' };
  }
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'UTF-16LE', bom: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'UTF-16BE', bom: 2 };
  if (bytes.includes(0)) {
    const utf16 = utf16WithoutBom(bytes, complete);
    return utf16 ? { encoding: utf16, bom: 0 } : { error: `binary file (NUL bytes; chardet guesses ${guess(bytes)})` };
  }
  const text = strictUtf8(bytes, complete);
  if (text !== null) return { encoding: 'UTF-8', bom: 0, ...(complete ? { text } : {}) };
  if (isMostlyCjk(bytes, complete, 'gb18030')) return { encoding: 'GB18030', bom: 0 };
  // A sample's damage is found line by line when the file is streamed (readJsonl), so only a whole file is lossy here.
  const lossy = complete ? lossyUtf8(bytes) : null;
  if (lossy) return { encoding: 'UTF-8', bom: 0, ...lossy };
  return { error: `undecodable: neither UTF-8 nor GB18030 text (chardet guesses ${guess(bytes)})` };
}

/**
 * Decode a whole file; an error when its encoding is not one of ours or it holds no text. `replaced`: the lines where
 * bytes that are not UTF-8 were replaced by U+FFFD (empty when none was).
 */
export function decodeText(
  bytes: Uint8Array,
): { text: string; encoding: string; replaced: number[] } | { error: string } {
  const det = detect(bytes, true);
  if ('error' in det) return det;
  const text =
    det.text ?? iconv.decode(Buffer.from(bytes.subarray(det.bom)), ICONV_NAME[det.encoding]!, { stripBOM: false });
  if (text.trim() === '') return { error: 'empty file (whitespace only)' };
  return { text, encoding: det.encoding, replaced: det.replaced ?? [] };
}

// Encoding detection for page files and .jsonl inputs: UTF-8 (with or without BOM) checked strictly first, UTF-16 by
// its BOM, then GB18030/GBK when the bytes decode cleanly to mostly CJK text. chardet's guess only names what a
// rejected file looks like, so that the error says more than "undecodable".
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Detected = { encoding: string; bom: number } | { error: string };
/** `text`: the decoded text, where checking a complete input decoded it (UTF-8), so that it is not decoded twice. */
type DetectedText = { encoding: string; bom: number; text?: string } | { error: string };

/** iconv-lite names of the encodings a detection result can carry. */
export const ICONV_NAME: Readonly<Record<string, string>> = {
  'UTF-8': 'utf8',
  'UTF-8 with BOM': 'utf8',
  'UTF-16LE': 'utf16le',
  'UTF-16BE': 'utf16be',
  GB18030: 'gb18030',
};

/** Share of Han characters among the non-ASCII characters below which a GB18030 reading is rejected. */
const MIN_HAN_SHARE = 0.6;
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

/** Whether the bytes read as GB18030 without replacement characters and mostly as Han characters. */
function isMostlyCjkGb18030(bytes: Uint8Array, complete: boolean): boolean {
  let text = iconv.decode(Buffer.from(bytes), 'gb18030');
  if (!complete) text = text.slice(0, -1); // the last character of a sample may be cut in two
  if (text.includes('\ufffd')) return false;
  let nonAscii = 0;
  let han = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (HAN.test(ch)) han++;
  }
  return nonAscii > 0 && han / nonAscii >= MIN_HAN_SHARE;
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
  if (bytes.includes(0)) return { error: `binary file (NUL bytes; chardet guesses ${guess(bytes)})` };
  const text = strictUtf8(bytes, complete);
  if (text !== null) return { encoding: 'UTF-8', bom: 0, ...(complete ? { text } : {}) };
  if (isMostlyCjkGb18030(bytes, complete)) return { encoding: 'GB18030', bom: 0 };
  return { error: `undecodable: neither UTF-8 nor GB18030 text (chardet guesses ${guess(bytes)})` };
}

/** Decode a whole file; an error when its encoding is not one of ours or it holds no text. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } | { error: string } {
  const det = detect(bytes, true);
  if ('error' in det) return det;
  const text = det.text ?? iconv.decode(Buffer.from(bytes.subarray(det.bom)), ICONV_NAME[det.encoding]!, { stripBOM: false });
  if (text.trim() === '') return { error: 'empty file (whitespace only)' };
  return { text, encoding: det.encoding };
}

// Inputs of `kg extract`: page files (.txt), .jsonl files of ready articles, and folders holding either (walked
// recursively, sorted by path). Pages are read one at a time and .jsonl files streamed line by line, so memory stays
// flat however large the corpus. Whatever is wrong with one file or line becomes an `error` item and the rest goes on.
// Every file carries its `name`: its path relative to the input root it was found under (forward slashes), or its
// base name when given directly. Article ids and `file` come from it, so `d1/01.txt` and `d2/01.txt` stay apart and
// the ids are the same on every machine.
import { createReadStream, type Dirent, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import iconv from 'iconv-lite';
import { JsonlArticle } from '../schema.ts';
import { ICONV_NAME, decodeText, detectEncoding } from './encoding.ts';

export type InputItem =
  | { kind: 'page'; file: string; name: string; stem: string; text: string; encoding: string }
  | { kind: 'article'; file: string; line: number; article: JsonlArticle }
  | { kind: 'error'; file: string; line?: number; message: string };

/** File kinds taken from folders; a file named explicitly is read as a page unless it ends in .jsonl. */
const PAGE_EXT = '.txt';
const JSONL_EXT = '.jsonl';
/** Bytes sniffed to detect a .jsonl file's encoding before streaming it. */
const SNIFF_BYTES = 64 * 1024;

const reason = (err: unknown): string => {
  const e = err as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    ENOENT: 'no such file (or a dangling symlink)',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'a path component is not a directory',
    ELOOP: 'symlink loop',
  };
  return (e.code ? known[e.code] : undefined) ?? e.message ?? String(err);
};

export async function* readInputs(paths: string[]): AsyncGenerator<InputItem> {
  for await (const f of listInputs(paths)) {
    if (f.kind === 'error') yield f;
    else yield* readFileInput(f.file, f.name);
  }
}

/** An input file to read (`name`: see above), or a path that cannot be read, in input order. */
export type InputFile = { kind: 'file'; file: string; name: string } | { kind: 'error'; file: string; message: string };

/** The files readInputs reads, in its order, without reading them: callers that know a file unchanged skip it. */
export async function* listInputs(paths: string[]): AsyncGenerator<InputFile> {
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (err) {
      yield { kind: 'error', file: path, message: `cannot read: ${reason(err)}` };
      continue;
    }
    if (!isDir) {
      yield { kind: 'file', file: path, name: basename(path) };
      continue;
    }
    const found: Found[] = [];
    await collect(path, found);
    for (const f of found.sort((x, y) => byPath(x.path, y.path))) {
      yield f.error
        ? { kind: 'error', file: f.path, message: f.error }
        : { kind: 'file', file: f.path, name: relativeName(path, f.path) };
    }
  }
}

/** The path of `file` under `root`, with forward slashes whatever the platform. */
const relativeName = (root: string, file: string): string => relative(root, file).split(sep).join('/');

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A file found in a folder, or an entry that could not be examined (kept in path order with the rest). */
interface Found {
  path: string;
  error?: string;
}

/**
 * Page and .jsonl files under dir, recursively. Each real folder is read once (known by device and inode in `seen`,
 * with the path it was first read under): a symlink back to an ancestor would repeat its pages without end, and a
 * second way into a folder read already would repeat them once more. Either is reported and skipped.
 */
async function collect(dir: string, found: Found[], seen = new Map<string, string>()): Promise<void> {
  let entries: Dirent[];
  try {
    const st = await stat(dir, { bigint: true });
    const id = `${st.dev}:${st.ino}`;
    const first = seen.get(id);
    if (first !== undefined) {
      const loop = dir.startsWith(first + sep);
      found.push({
        path: dir,
        error: `skipped: ${loop ? 'symlink loop back to' : 'the same folder as'} ${first}, read already`,
      });
      return;
    }
    seen.set(id, dir);
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    found.push({ path: dir, error: `cannot read folder: ${reason(err)}` });
    return;
  }
  // In name order, so that which of two ways into a folder is read does not depend on the filesystem.
  for (const entry of entries.sort((a, b) => byPath(a.name, b.name))) {
    const path = join(dir, entry.name);
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isDir = (await stat(path)).isDirectory();
      } catch (err) {
        if (isInputName(entry.name)) found.push({ path, error: `cannot read: ${reason(err)}` });
        continue;
      }
    }
    if (isDir) await collect(path, found, seen);
    else if (isInputName(entry.name)) found.push({ path });
  }
}

const isInputName = (name: string): boolean => [PAGE_EXT, JSONL_EXT].includes(extname(name).toLowerCase());

/** The items of one input file (`name` as listInputs gives it): a page, the articles of a .jsonl file, or what is wrong. */
export function readFileInput(file: string, name: string): AsyncGenerator<InputItem> {
  return extname(file).toLowerCase() === JSONL_EXT ? readJsonl(file) : readPage(file, name);
}

async function* readPage(file: string, name: string): AsyncGenerator<InputItem> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    yield { kind: 'error', file, message: `cannot read: ${reason(err)}` };
    return;
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) {
    yield { kind: 'error', file, message: decoded.error };
    return;
  }
  if (decoded.replaced.length)
    yield { kind: 'error', file, line: decoded.replaced[0]!, message: replacedMessage(decoded.replaced) };
  const stem = name.slice(0, name.length - extname(name).length);
  yield { kind: 'page', file, name, stem, text: decoded.text, encoding: decoded.encoding };
}

/** Lines listed in a message about a damaged page, at most. */
const MAX_LINES_LISTED = 10;

/** The message of a page whose `lines` held bytes that are not UTF-8; it is reported at the first of them. */
function replacedMessage(lines: number[]): string {
  const more =
    lines.slice(1, MAX_LINES_LISTED + 1).join(', ')
    + (lines.length > MAX_LINES_LISTED + 1 ? ` and ${lines.length - MAX_LINES_LISTED - 1} more` : '');
  return `bytes that are not UTF-8, replaced by U+FFFD (the page is read)${more ? `; also on lines ${more}` : ''}`;
}

async function sniff(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function* readJsonl(file: string): AsyncGenerator<InputItem> {
  let encoding: string;
  let label: string;
  try {
    const head = await sniff(file);
    const size = (await stat(file)).size;
    const det = detectEncoding(head, head.length >= size);
    if ('error' in det) {
      yield { kind: 'error', file, message: det.error };
      return;
    }
    label = det.encoding;
    encoding = ICONV_NAME[det.encoding]!;
  } catch (err) {
    yield { kind: 'error', file, message: `cannot read: ${reason(err)}` };
    return;
  }
  const lines = createInterface({
    input: createReadStream(file).pipe(iconv.decodeStream(encoding)), // iconv strips a BOM
    crlfDelay: Infinity,
  });
  let n = 0;
  let nonBlank = 0;
  try {
    for await (const text of lines) {
      n++;
      if (text.trim() === '') continue;
      nonBlank++;
      // A replacement character means bytes that the detected encoding could not decode on this line.
      if (text.includes('\ufffd'))
        yield { kind: 'error', file, line: n, message: `line ${n}: bytes that are not valid ${label}` };
      else yield parseJsonlLine(file, n, text);
    }
  } catch (err) {
    yield { kind: 'error', file, line: n + 1, message: `cannot read: ${reason(err)}` };
    return;
  }
  if (nonBlank === 0) yield { kind: 'error', file, message: n === 0 ? 'empty file' : 'empty file (blank lines only)' };
}

/** One .jsonl line → an article, or an error naming the line and what is wrong with it. */
export function parseJsonlLine(file: string, line: number, text: string): InputItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { kind: 'error', file, line, message: `line ${line}: invalid JSON (${(err as Error).message})` };
  }
  const parsed = JsonlArticle.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(line)'}: ${i.message}`).join('; ');
    return {
      kind: 'error',
      file,
      line,
      message: `line ${line}: not an article {id, text, title?, date?, file?} (${issues})`,
    };
  }
  return { kind: 'article', file, line, article: parsed.data };
}

/** Create dir (with parents) and prove it can be written, before any work starts; throws an error naming it. */
export function assertWritableDir(dir: string): void {
  const probe = join(dir, `.kg-write-test-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (err) {
    throw new Error(`output folder ${dir} cannot be written: ${reason(err)}`);
  }
}

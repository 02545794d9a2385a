// The incremental state of an output folder, DIR/.state (layout in delta.ts). Every file is written to a temp name
// and renamed, so an interrupted run leaves the previous state (and every unit already cached) valid.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { UnitRecords } from '../run/units.ts';
import type { RunSettings } from '../settings.ts';
import type { Entity } from '../schema.ts';
import type { FileRange } from './outputs.ts';
import { MODEL_DIR, modelFingerprint } from '../nlp/ner/model.ts';

/**
 * A unit's records as the state gives them back: its lines as bytes of its unit file or as a range of the last run's
 * output (copied as they are, never decoded); its entities are read only where needed (blocks.ts).
 */
export type CachedUnitRecords = Omit<UnitRecords, 'entities' | 'articles' | 'relations'> & {
  articles: Uint8Array | FileRange;
  relations: Uint8Array | FileRange;
};
import { STATE_VERSION, type Manifest, type RunDelta } from './delta.ts';

/**
 * Folders of src/ that do not take part in extraction (the command line, the viewer's API, the corrections: applied
 * after the cached records are merged, each run).
 */
const NOT_EXTRACTION = new Set(['cli', 'server', 'correct']);
/** Code and data tables; the jieba dictionary folder is taken whole, whatever its files are named. */
const SOURCE_FILE = /\.(?:ts|js|json|txt|tsv|csv)$/;
const DICT_DIR = join('nlp', 'dict');
/** The repository root whose src/, package.json and node_modules/ make the extractor. */
export const CODE_ROOT = new URL('../../', import.meta.url).pathname;

/** The files of `root`/src/ the extraction depends on (all outside NOT_EXTRACTION), relative to src/ and sorted. */
export function extractionSources(root: string): string[] {
  const src = join(root, 'src');
  return readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(src, join(e.parentPath, e.name)))
    .filter((f) => !NOT_EXTRACTION.has(f.split(sep)[0]!) && (SOURCE_FILE.test(f) || f.startsWith(DICT_DIR + sep)))
    .sort();
}

/**
 * A digest of everything a unit's records depend on besides the unit itself (and its home city, in unitHash): the
 * extraction code and data under src/, the installed version of every runtime dependency of package.json, and the
 * run's settings, with the recogniser's model files where it is on (`ner off`; `ner absent` when its model is not
 * installed). No hand-kept list: code added anywhere under src/ is covered.
 */
export function settingsFingerprint(
  settings: Pick<RunSettings, 'date' | 'ner'>,
  root = CODE_ROOT,
  modelDir = MODEL_DIR,
): string {
  const model = settings.ner === 'on' ? modelFingerprint(modelDir) : 'off';
  const h = createHash('sha256').update(`v${STATE_VERSION}\0date ${settings.date ?? ''}\0ner ${model}\0`);
  const src = join(root, 'src');
  for (const f of extractionSources(root))
    h.update(f)
      .update('\0')
      .update(readFileSync(join(src, f)))
      .update('\0');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const p of Object.keys(pkg.dependencies ?? {}).sort()) {
    try {
      h.update(
        `${p}@${(JSON.parse(readFileSync(join(root, 'node_modules', p, 'package.json'), 'utf8')) as { version: string }).version}\0`,
      );
    } catch {
      h.update(`${p} not installed\0`);
    }
  }
  return h.digest('hex');
}

/** An fs error in words: the common causes named, others as Node says them. */
export const describeFsError = (err: unknown): string => {
  const e = err as NodeJS.ErrnoException;
  return e.code === 'ENOSPC'
    ? 'no space left on device'
    : e.code === 'EACCES' || e.code === 'EPERM'
      ? 'permission denied'
      : (e.message ?? String(err));
};

/** Writes `path` via `path.tmp` and a rename; on failure removes the temp file and throws an error naming `path`. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new Error(`cannot write ${path}: ${describeFsError(err)}`, { cause: err });
  }
}

/**
 * A unit file: this header line, its articles.jsonl lines, its relations.jsonl lines, then one line with its
 * entities (a JSON array), last because only a rebuilt entity block (blocks.ts) reads it.
 */
interface UnitHeader {
  articles: number;
  relations: number;
  articleIds: string[];
  relationTypes: Record<string, number>;
  notes: UnitRecords['notes'];
}

/** Index after the n-th newline from `from` (the end of n lines). */
function afterLines(text: Buffer, from: number, n: number): number {
  let at = from;
  for (let i = 0; i < n; i++) {
    const nl = text.indexOf(0x0a, at);
    if (nl < 0) throw new Error(`expected ${n} lines, found ${i}`);
    at = nl + 1;
  }
  return at;
}

function countLines(text: string | Uint8Array): number {
  const t = typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  let n = 0;
  for (let at = t.indexOf('\n'); at >= 0; at = t.indexOf('\n', at + 1)) n++;
  return n;
}

export class StateStore {
  readonly dir: string;
  private readonly units: string;
  private readonly blocks: string;

  constructor(outDir: string) {
    this.dir = join(outDir, '.state');
    this.units = join(this.dir, 'units');
    this.blocks = join(this.dir, 'blocks');
  }

  get manifestPath(): string {
    return join(this.dir, 'manifest.json');
  }

  get lastRunPath(): string {
    return join(this.dir, 'last-run.json');
  }

  /** The last run's manifest, or null when there is none or it is of another version (then everything is new). */
  readManifest(): Manifest | null {
    if (!existsSync(this.manifestPath)) return null;
    try {
      const m = JSON.parse(readFileSync(this.manifestPath, 'utf8')) as Manifest;
      return m.version === STATE_VERSION && Array.isArray(m.units) ? m : null;
    } catch {
      return null;
    }
  }

  private unitPath(hash: string): string {
    return join(this.units, `${hash}.jsonl`);
  }

  has(hash: string): boolean {
    return existsSync(this.unitPath(hash));
  }

  /** A unit file's parts: the header, where its lines start and end, and where its entities line starts. */
  private unitParts(hash: string): {
    text: Buffer;
    head: UnitHeader;
    headEnd: number;
    articlesEnd: number;
    relationsEnd: number;
  } {
    const text = readFileSync(this.unitPath(hash));
    const headEnd = afterLines(text, 0, 1);
    const head = JSON.parse(text.subarray(0, headEnd).toString('utf8')) as UnitHeader;
    const articlesEnd = afterLines(text, headEnd, head.articles);
    const relationsEnd = afterLines(text, articlesEnd, head.relations);
    if (afterLines(text, relationsEnd, 1) !== text.length) throw new Error('unexpected lines at the end');
    return { text, head, headEnd, articlesEnd, relationsEnd };
  }

  /** Runs `read` on a unit's file; an error names the file (missing or damaged: the caller extracts the unit again). */
  private withUnit<T>(hash: string, read: () => T): T {
    try {
      return read();
    } catch (err) {
      throw new Error(`cached unit ${this.unitPath(hash)} cannot be read: ${describeFsError(err)}`, { cause: err });
    }
  }

  /** A cached unit's records, its lines as bytes (copied to the outputs as they are, never decoded). */
  readUnit(hash: string): CachedUnitRecords {
    return this.withUnit(hash, () => {
      const { text, head, headEnd, articlesEnd, relationsEnd } = this.unitParts(hash);
      return {
        articleIds: head.articleIds,
        relationTypes: head.relationTypes,
        notes: head.notes,
        articles: text.subarray(headEnd, articlesEnd),
        relations: text.subarray(articlesEnd, relationsEnd),
      };
    });
  }

  /** A cached unit's entities. */
  readUnitEntities(hash: string): Entity[] {
    return this.withUnit(hash, () => {
      const { text, relationsEnd } = this.unitParts(hash);
      return JSON.parse(text.subarray(relationsEnd).toString('utf8')) as Entity[];
    });
  }

  writeUnit(hash: string, r: UnitRecords): void {
    const head: UnitHeader = {
      articles: countLines(r.articles),
      relations: countLines(r.relations),
      articleIds: r.articleIds,
      relationTypes: r.relationTypes,
      notes: r.notes,
    };
    mkdirSync(this.units, { recursive: true });
    writeFileAtomic(
      this.unitPath(hash),
      Buffer.concat([
        Buffer.from(`${JSON.stringify(head)}\n`),
        Buffer.from(r.articles),
        Buffer.from(r.relations),
        Buffer.from(`${JSON.stringify(r.entities)}\n`),
      ]),
    );
  }

  private blockPath(key: string): string {
    return join(this.blocks, `${key}.json`);
  }

  /** The merged entities of a block of units (blocks.ts), or null when there is none or it cannot be read. */
  readBlock(key: string): Entity[] | null {
    try {
      return JSON.parse(readFileSync(this.blockPath(key), 'utf8')) as Entity[];
    } catch {
      return null; // rebuilt from its units
    }
  }

  writeBlock(key: string, entities: Entity[]): void {
    mkdirSync(this.blocks, { recursive: true });
    writeFileAtomic(this.blockPath(key), JSON.stringify(entities));
  }

  writeRun(manifest: Manifest, delta: RunDelta): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic(this.manifestPath, `${JSON.stringify(manifest)}\n`);
    writeFileAtomic(this.lastRunPath, `${JSON.stringify(delta, null, 1)}\n`);
  }

  /** Removes cached units and blocks the manifest no longer names (and temp files of interrupted writes). */
  collectGarbage(manifest: Manifest): void {
    const sweep = (dir: string, keep: Set<string>) => {
      if (!existsSync(dir)) return;
      for (const f of readdirSync(dir)) if (!keep.has(f)) rmSync(join(dir, f), { force: true });
    };
    sweep(this.units, new Set(manifest.units.map((u) => `${u.hash}.jsonl`)));
    sweep(this.blocks, new Set(manifest.blocks.map((key) => `${key}.json`)));
  }
}

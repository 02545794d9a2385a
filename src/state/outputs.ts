// The output files of an extract folder, as written and as read back by the next run. A re-run copies the lines of
// every unchanged unit from the last run's articles.jsonl and relations.jsonl (the manifest holds each unit's byte
// lengths, so its offsets are prefix sums), where consecutive units make one range: one large copy instead of reading
// each unit's file in the state. The last run's files are used only while their stamps are those the manifest
// recorded when they were committed; otherwise (edited, replaced) the units' files in the state serve, as ever.
import { closeSync, fstatSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest, ManifestUnit } from './delta.ts';
import { fileStamp, sameStamp } from './delta.ts';

/** The two record files a unit has lines in, by their names in the output folder. */
export const LINE_FILES = ['articles.jsonl', 'relations.jsonl'] as const;
export type LineFile = (typeof LINE_FILES)[number];

/** Bytes of an open file: where a unit's lines are in the last run's output. */
export interface FileRange {
  fd: number;
  offset: number;
  length: number;
}

/** Bytes copied at once. */
const COPY_CHUNK = 4 << 20;

/** Copies `range` to `fd` through `buffer`. */
export function copyRange(range: FileRange, fd: number, buffer: Buffer): void {
  for (let done = 0; done < range.length; ) {
    const n = readSync(range.fd, buffer, 0, Math.min(buffer.length, range.length - done), range.offset + done);
    if (n === 0) throw new Error(`the last run's output ended ${range.length - done} bytes early`);
    for (let at = 0; at < n; ) at += writeSync(fd, buffer, at, n - at);
    done += n;
  }
}

/** A copy buffer, allocated once per output file that copies. */
export const copyBuffer = (): Buffer => Buffer.allocUnsafe(COPY_CHUNK);

/** The stamps of committed output files, for the manifest; a stat that fails leaves the file out (it is not reused). */
export function outputStamps(dir: string): Manifest['outputs'] {
  const out: Manifest['outputs'] = {};
  for (const name of LINE_FILES) {
    try {
      // No racy window here: these are our own files, stat'ed right after they were renamed into place.
      out[name] = fileStamp(statSync(join(dir, name), { bigint: true }));
    } catch {
      // not reused next time
    }
  }
  return out;
}

/** The last run's line files, open, with where each of its units' lines are. */
export class PreviousOutputs {
  private constructor(
    private readonly fds: Record<LineFile, number>,
    private readonly at: Map<string, { unit: ManifestUnit; offsets: Record<LineFile, number> }>,
  ) {}

  /** The last run's line files when both are as it left them; null otherwise (then nothing is copied from them). */
  static open(dir: string, previous: Manifest | null): PreviousOutputs | null {
    if (!previous) return null;
    const fds: Partial<Record<LineFile, number>> = {};
    try {
      for (const name of LINE_FILES) {
        const recorded = previous.outputs[name];
        if (!recorded) throw new Error('no stamp');
        const fd = openSync(join(dir, name), 'r');
        fds[name] = fd;
        if (!sameStamp(fileStamp(fstatSync(fd, { bigint: true })), recorded)) throw new Error('changed since');
      }
    } catch {
      for (const fd of Object.values(fds)) closeSync(fd);
      return null;
    }
    const at = new Map<string, { unit: ManifestUnit; offsets: Record<LineFile, number> }>();
    const offsets: Record<LineFile, number> = { 'articles.jsonl': 0, 'relations.jsonl': 0 };
    for (const unit of previous.units) {
      at.set(unit.key, { unit, offsets: { ...offsets } });
      for (const name of LINE_FILES) offsets[name] += unit.lineBytes[name];
    }
    return new PreviousOutputs(fds as Record<LineFile, number>, at);
  }

  /** Where the lines of the unit with this key and hash are in the last run's files, and its manifest entry; or null. */
  find(key: string, hash: string): { unit: ManifestUnit; ranges: Record<LineFile, FileRange> } | null {
    const found = this.at.get(key);
    if (!found || found.unit.hash !== hash) return null;
    const range = (name: LineFile): FileRange => ({
      fd: this.fds[name],
      offset: found.offsets[name],
      length: found.unit.lineBytes[name],
    });
    return {
      unit: found.unit,
      ranges: { 'articles.jsonl': range('articles.jsonl'), 'relations.jsonl': range('relations.jsonl') },
    };
  }

  close(): void {
    for (const fd of Object.values(this.fds)) closeSync(fd);
  }
}

// An output file of a run, written under a temp name and put in place only when every output is written.
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { copyBuffer, copyRange, type FileRange } from '../state/outputs.ts';
import { describeFsError } from '../state/store.ts';

/**
 * An output file written to `<name>.tmp`; src/state/commit.ts puts the run's files in place together, `abort` removes it. A write error (disk
 * full) throws at once, naming the file, so the previous output stays untouched. Writes are synchronous: they land in
 * the page cache at memory speed, and a record's bytes are released as soon as they are written. Ranges of the last
 * run's output that follow each other are copied as one.
 */
export class TempFile {
  private fd: number | null = null;
  private pending: FileRange | null = null;
  private buffer: Buffer | null = null;
  readonly tmp: string;
  constructor(readonly path: string) {
    this.tmp = `${path}.tmp`;
  }
  write(data: string | Uint8Array | FileRange): void {
    if (typeof data === 'object' && 'fd' in data) {
      if (this.pending && this.pending.fd === data.fd && this.pending.offset + this.pending.length === data.offset)
        this.pending.length += data.length;
      else {
        this.flush();
        this.pending = { ...data };
      }
      return;
    }
    this.flush();
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    this.guard(() => {
      for (let at = 0; at < bytes.byteLength; ) at += writeSync(this.open(), bytes, at);
    });
  }
  close(): void {
    this.flush();
    this.guard(() => closeSync(this.open())); // an empty output is a file too
    this.fd = null;
  }
  private open(): number {
    return (this.fd ??= openSync(this.tmp, 'w'));
  }
  private flush(): void {
    if (!this.pending) return;
    const range = this.pending;
    this.pending = null;
    this.guard(() => copyRange(range, this.open(), (this.buffer ??= copyBuffer())));
  }
  private guard(io: () => void): void {
    try {
      io();
    } catch (err) {
      throw new Error(`cannot write ${this.path}: ${describeFsError(err)}`, { cause: err });
    }
  }
  abort(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    rmSync(this.tmp, { force: true });
  }
}

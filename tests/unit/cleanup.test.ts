// A run stopped by a signal leaves no temp file: a real child process, stopped by a real signal.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeTempFiles } from '../../src/state/cleanup.ts';

const ROOT = join(import.meta.dirname, '../..');
const CLEANUP_URL = new URL('../../src/state/cleanup.ts', import.meta.url).href;
/** Installs the handler for argv[1] with a `before` that writes argv[1]/released, says ready, and idles. */
const RUN = `
const { removeTempFilesOnSignal } = await import(${JSON.stringify(CLEANUP_URL)});
const { writeFileSync } = await import('node:fs');
removeTempFilesOnSignal(process.argv[1], () => writeFileSync(process.argv[1] + '/released', ''));
console.log('ready');
setInterval(() => {}, 1000);`;

/** An output folder as a run leaves it midway: committed outputs and state, temp files of both. */
const FILES = {
  kept: [
    'articles.jsonl',
    'notes.tmp.txt',
    '.state/manifest.json',
    '.state/units/a.jsonl',
    '.state/lock',
    '.state/lock.123.tmp',
  ],
  temp: [
    'articles.jsonl.tmp',
    'graph.json.tmp',
    '.state/manifest.json.tmp',
    '.state/units/b.jsonl.tmp',
    '.state/blocks/c.json.tmp',
  ],
};

let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'kg-cleanup-'));
  for (const f of [...FILES.kept, ...FILES.temp]) {
    mkdirSync(join(out, f, '..'), { recursive: true });
    writeFileSync(join(out, f), 'x');
  }
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const present = (files: string[]) => files.filter((f) => existsSync(join(out, f)));

describe('removeTempFiles', () => {
  it('removes the temp files of the outputs and of the state, nothing else', () => {
    expect(
      removeTempFiles(out)
        .map((p) => p.slice(out.length + 1))
        .sort(),
    ).toEqual([...FILES.temp].sort());
    expect(present(FILES.kept)).toEqual(FILES.kept);
    expect(present(FILES.temp)).toEqual([]);
    expect(removeTempFiles(join(out, 'missing'))).toEqual([]);
  });
});

describe('removeTempFilesOnSignal', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`on ${signal}, removes the temp files, calls before, and ends the process by the signal`, async () => {
      const child = spawn('node', ['--import', 'tsx', '--input-type=module', '-e', RUN, out], { cwd: ROOT });
      await new Promise((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
      child.kill(signal);
      expect(await ended).toBe(signal);
      expect(present(FILES.temp)).toEqual([]);
      expect(present(FILES.kept)).toEqual(FILES.kept);
      expect(existsSync(join(out, 'released'))).toBe(true);
    });
  }
});

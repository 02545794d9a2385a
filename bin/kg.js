#!/usr/bin/env node
// The `kg` command. It runs the compiled dist/ (npm run build, run by npm install) when dist/ is at least as new as
// every file and folder under src/, else the TypeScript sources through tsx, so an edit works before a rebuild.
// Freshness is one stat per entry under src/ against dist/.stamp (cost in docs/bench.md); a folder's mtime moves when
// a file in it is added, renamed or removed. KG_RUN=src or KG_RUN=dist picks one regardless (tests compare the two).
import { readdirSync, statSync } from 'node:fs';

const src = new URL('../src/', import.meta.url);
const stamp = new URL('../dist/.stamp', import.meta.url);

function distIsFresh() {
  let built;
  try {
    built = statSync(stamp).mtimeMs;
  } catch {
    return false;
  }
  if (statSync(src).mtimeMs > built) return false;
  for (const f of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (statSync(`${f.parentPath}/${f.name}`).mtimeMs > built) return false;
  }
  return true;
}

const mode = process.env.KG_RUN ?? (distIsFresh() ? 'dist' : 'src');
if (mode === 'dist') {
  await import('../dist/cli/index.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/index.ts');
}

// `npm run build` (also npm's `prepare`): src/ → dist/, which bin/kg.js runs instead of the sources when it is fresh.
// tsc compiles (tsconfig.build.json); the files src/ reads beside its code at run time (src/nlp/dict/*) are copied,
// so that every path a module makes from import.meta.url holds from dist/ too. The build goes to .cache/dist-build/
// and replaces dist/ by two renames, so a kg started meanwhile (tests run in parallel) finds the old build or the new
// one, whole. dist/.stamp is dated to the build's start: an edit made while tsc ran is newer than the stamp, so
// bin/kg.js sees dist/ as stale.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const build = join(root, '.cache', 'dist-build');
const started = new Date();

rmSync(build, { recursive: true, force: true });
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const args = [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', build];
const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
if (result.status !== 0) {
  console.error('build: tsc failed (above); kg runs from the TypeScript sources until a build succeeds');
  process.exit(1);
}
// Data, not code: everything under src/ that is not TypeScript. Source .js files are tsx bootstraps (the worker's
// entry), which dist/ does not need: it runs the compiled worker itself.
for (const f of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!f.isFile() || /\.[jt]s$/.test(f.name)) continue;
  const from = join(f.parentPath, f.name);
  const to = join(build, from.slice(src.length + 1));
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to);
}
const stamp = join(build, '.stamp');
writeFileSync(stamp, `${started.toISOString()}\n`);
utimesSync(stamp, started, started);
const old = `${build}-old`;
rmSync(old, { recursive: true, force: true });
try {
  renameSync(dist, old);
} catch (err) {
  if (err.code !== 'ENOENT') throw err;
}
renameSync(build, dist);
rmSync(old, { recursive: true, force: true });

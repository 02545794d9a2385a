// A real local Neo4j 5.26 Community server without Docker (the command line is scripts/neo4j.ts:
// `npm run neo4j -- install|start|stop|status`).
// install: mvn fetches the jars of scripts/neo4j/pom.xml into .neo4j/lib and javac compiles the launcher
//          scripts/neo4j/KgNeo4j.java into .neo4j/classes (skipped while both inputs are unchanged).
// start:   runs the launcher detached (pid in .neo4j/neo4j.pid, output in .neo4j/neo4j.log, data in .neo4j/data)
//          and returns once Bolt answers with the configured credentials.
// stop:    ends exactly the pid that start wrote, after checking that it is still our launcher.
// `kg up` wants ensureLocalNeo4j() (neo4jForUp() is its choice of server). The tests and benchmarks, which wipe the
// database they use, want startScratchNeo4j(): a server of their own in a temporary home on free ports, so that they
// never touch the user's graph. makeNeo4jHome() and runAdminImport() run `neo4j-admin database import full` of
// `kg export` CSVs into such a home (the admin-import test and bench/import.ts).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { adminImportArgsFor } from '../graph/export.ts';
import { connect, neo4jSettings, type Neo4jConnection, type Neo4jSettings } from './driver.ts';

const REPO = join(import.meta.dirname, '..', '..');
/** The launcher's source and the pom of its jars. */
const HERE = join(REPO, 'scripts', 'neo4j');
const MAIN_CLASS = 'KgNeo4j';
/** Printed by the launcher once the credentials are set (see KgNeo4j.READY). */
const READY_LINE = 'KgNeo4j ready';
const JVM_OPTIONS = [
  '-Xms512m',
  '-Xmx2g',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-Dlog4j2.disable.jmx=true',
  // What Neo4j's own start script opens on Java 17+.
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
];

export interface LocalNeo4j {
  /** .neo4j at the repository root, or KG_NEO4J_HOME. Holds lib/, classes/, data/, logs/, neo4j.pid, neo4j.log. */
  home: string;
  host: string;
  port: number;
  /** The HTTP connector's port (NEO4J_HTTP_PORT, default 7474): Neo4j Browser and the HTTP API. */
  httpPort: number;
  user: string;
  password: string;
  uri: string;
  /** Neo4j Browser on the local server. */
  browserUrl: string;
}

function portFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const port = Number(env[name] || fallback);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`${name} must be a port number, not "${env[name]}"`);
  return port;
}

export function localNeo4j(env: NodeJS.ProcessEnv = process.env): LocalNeo4j {
  const host = '127.0.0.1';
  const port = portFrom(env, 'NEO4J_BOLT_PORT', 7687);
  const httpPort = portFrom(env, 'NEO4J_HTTP_PORT', 7474);
  const { user, password } = neo4jSettings({}, env);
  return {
    home: resolve(env.KG_NEO4J_HOME || join(REPO, '.neo4j')),
    host,
    port,
    httpPort,
    user,
    password,
    uri: `bolt://${host}:${port}`,
    browserUrl: `http://${host}:${httpPort}/browser/`,
  };
}

/**
 * Where Neo4j Browser is when `uri` is the local server's Bolt address (ours or a docker compose one, which serves it
 * on the same port), else undefined: `kg up` and `kg load` print it after loading.
 */
export function browserUrlFor(uri: string, local: LocalNeo4j = localNeo4j()): string | undefined {
  const { hostname, port } = new URL(uri);
  const loopback = hostname === local.host || hostname === 'localhost';
  return loopback && Number(port || 7687) === local.port ? local.browserUrl : undefined;
}

const paths = (home: string) => ({
  lib: join(home, 'lib'),
  classes: join(home, 'classes'),
  stamp: join(home, 'installed.sha256'),
  pid: join(home, 'neo4j.pid'),
  log: join(home, 'neo4j.log'),
});

const settingsOf = (local: LocalNeo4j): Neo4jSettings => ({
  uri: local.uri,
  user: local.user,
  password: local.password,
});

function requireTool(command: string, versionFlag: string, hint: string): void {
  const probe = spawnSync(command, [versionFlag], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new Error(`\`${command}\` was not found or does not run: ${hint}`);
  }
}

function run(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0)
    throw new Error(`${what} failed (\`${command} ${args.join(' ')}\` exited with ${result.status ?? result.signal})`);
}

/** What the installed jars and classes were made from; a change of either makes install run again. */
function inputsHash(): string {
  const hash = createHash('sha256');
  for (const f of ['pom.xml', `${MAIN_CLASS}.java`]) hash.update(readFileSync(join(HERE, f)));
  return hash.digest('hex');
}

/** Fetches the jars and compiles the launcher, unless the cache in `home` was made from the same inputs. */
export function installLocalNeo4j(local: LocalNeo4j = localNeo4j(), log: (line: string) => void = console.error): void {
  const p = paths(local.home);
  const wanted = inputsHash();
  if (existsSync(p.stamp) && readFileSync(p.stamp, 'utf8').trim() === wanted) return;
  requireTool('java', '-version', 'install a Java 17 or 21 JDK (Debian: apt-get install openjdk-17-jdk-headless).');
  requireTool(
    'javac',
    '-version',
    'install a Java 17 or 21 JDK, not only a JRE (Debian: apt-get install openjdk-17-jdk-headless).',
  );
  requireTool(
    'mvn',
    '-version',
    'install Maven 3 (Debian: apt-get install maven); it fetches the Neo4j jars from Maven Central.',
  );
  log(`neo4j: fetching Neo4j jars into ${p.lib} (mvn)…`);
  rmSync(p.lib, { recursive: true, force: true });
  run(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      join(HERE, 'pom.xml'),
      'dependency:copy-dependencies',
      `-DoutputDirectory=${p.lib}`,
      '-DincludeScope=runtime',
    ],
    'fetching the Neo4j jars',
  );
  log(`neo4j: compiling the launcher into ${p.classes} (javac)…`);
  mkdirSync(p.classes, { recursive: true });
  run(
    'javac',
    ['-cp', join(p.lib, '*'), '-d', p.classes, join(HERE, `${MAIN_CLASS}.java`)],
    'compiling scripts/neo4j/KgNeo4j.java',
  );
  writeFileSync(p.stamp, `${wanted}\n`);
}

function readPid(local: LocalNeo4j): number | undefined {
  const file = paths(local.home).pid;
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** True while `pid` is alive and, where /proc tells, still our launcher (a pid can be reused after a crash). */
function isOurProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync(cmdline) || readFileSync(cmdline, 'utf8').includes(MAIN_CLASS);
}

export interface LocalStatus {
  running: boolean;
  pid?: number;
  uri: string;
}

export function localNeo4jStatus(local: LocalNeo4j = localNeo4j()): LocalStatus {
  const pid = readPid(local);
  return pid !== undefined && isOurProcess(pid)
    ? { running: true, pid, uri: local.uri }
    : { running: false, uri: local.uri };
}

function logTail(local: LocalNeo4j, lines = 15): string {
  const file = paths(local.home).log;
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no log)';
}

/** Bolt answers and the credentials work: the server can be used. Connection errors are "not yet", others thrown. */
async function boltAnswers(local: LocalNeo4j): Promise<boolean> {
  try {
    await (await connect(settingsOf(local))).driver.close();
    return true;
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    if (cause?.code === 'ServiceUnavailable') return false;
    throw err;
  }
}

/** Starts the server detached (unless ours already runs) and waits until Bolt answers. */
export async function startLocalNeo4j(
  local: LocalNeo4j = localNeo4j(),
  timeoutMs = 180_000,
): Promise<LocalStatus & { started: boolean }> {
  const status = localNeo4jStatus(local);
  if (status.running && status.pid !== undefined) {
    await waitForBolt(local, status.pid, timeoutMs);
    return { ...status, started: false };
  }
  installLocalNeo4j(local);
  const p = paths(local.home);
  const logFd = openSync(p.log, 'w');
  const child = spawn('java', [...JVM_OPTIONS, '-cp', `${p.classes}:${join(p.lib, '*')}`, MAIN_CLASS, local.home], {
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: {
      ...process.env,
      KG_NEO4J_HOST: local.host,
      KG_NEO4J_BOLT_PORT: String(local.port),
      KG_NEO4J_HTTP_PORT: String(local.httpPort),
      KG_NEO4J_USER: local.user,
      KG_NEO4J_PASSWORD: local.password,
    },
  });
  closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) throw new Error('neo4j: could not start `java`');
  child.unref();
  writeFileSync(p.pid, `${pid}\n`);
  try {
    await waitForBolt(local, pid, timeoutMs);
  } catch (err) {
    await stopLocalNeo4j(local);
    throw err;
  }
  return { running: true, pid, uri: local.uri, started: true };
}

async function waitForBolt(local: LocalNeo4j, pid: number, timeoutMs: number): Promise<void> {
  const log = paths(local.home).log;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isOurProcess(pid)) {
      throw new Error(
        `neo4j: the server exited while starting (port ${local.port} or ${local.httpPort} taken?). Last lines of ${log}:\n${logTail(local)}`,
      );
    }
    // Knock only after the launcher has set the password, so that no failed login locks the user.
    if (existsSync(log) && readFileSync(log, 'utf8').includes(READY_LINE) && (await boltAnswers(local))) return;
    await sleep(500);
  }
  throw new Error(
    `neo4j: Bolt did not answer at ${local.uri} within ${timeoutMs / 1000} s. Last lines of ${log}:\n${logTail(local)}`,
  );
}

/** Ends the pid that start wrote (SIGTERM: a clean shutdown; SIGKILL after a minute). False when none was running. */
export async function stopLocalNeo4j(local: LocalNeo4j = localNeo4j(), timeoutMs = 60_000): Promise<boolean> {
  const { pid, running } = localNeo4jStatus(local);
  rmSync(paths(local.home).pid, { force: true });
  if (!running || pid === undefined) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isOurProcess(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await sleep(250);
  }
  return true;
}

export interface Neo4jHandle {
  settings: Neo4jSettings;
  /** True when this call started the server; then stop() stops it, otherwise stop() leaves it alone. */
  started: boolean;
  stop: () => Promise<void>;
}

/**
 * A usable server at the local Bolt address: one already answering there (ours or anyone's, e.g. docker compose)
 * is used as it is; otherwise the local server is installed if needed and started.
 */
export async function ensureLocalNeo4j(local: LocalNeo4j = localNeo4j()): Promise<Neo4jHandle> {
  const settings = settingsOf(local);
  if (await boltAnswers(local)) return { settings, started: false, stop: async () => {} };
  const { started } = await startLocalNeo4j(local);
  return { settings, started, stop: started ? async () => void (await stopLocalNeo4j(local)) : async () => {} };
}

/**
 * Makes `home`, an empty folder, a Neo4j home of its own that shares the installed jars and launcher (symlinks,
 * installing them first if needed): runAdminImport writes its data/, and a server started with `KG_NEO4J_HOME=home`
 * (and ports of its own) reads it. The install stamp is copied so that such a start does not install again.
 */
export function makeNeo4jHome(home: string, installed: LocalNeo4j = localNeo4j()): void {
  installLocalNeo4j(installed);
  const from = paths(installed.home);
  const to = paths(home);
  // NEO4J_CONF must name a folder; an empty one means the tool's defaults.
  mkdirSync(join(home, 'conf'), { recursive: true });
  symlinkSync(from.lib, to.lib);
  symlinkSync(from.classes, to.classes);
  copyFileSync(from.stamp, to.stamp);
}

/** A TCP port that is free on 127.0.0.1 now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

export interface ScratchNeo4j extends Neo4jHandle {
  local: LocalNeo4j;
}

/**
 * A server of its own for the tests and benchmarks, which wipe the database they use: a new temporary home
 * (makeNeo4jHome) on free Bolt and HTTP ports, started now; stop() ends it and removes the home. The user's server
 * (.neo4j on port 7687, or a docker compose one) is never touched. `prepare` runs on the home before the start
 * (runAdminImport, for one).
 */
export async function startScratchNeo4j(prepare: (home: string) => void = () => {}): Promise<ScratchNeo4j> {
  const home = mkdtempSync(join(tmpdir(), 'kg-neo4j-'));
  const remove = () => rmSync(home, { recursive: true, force: true });
  try {
    makeNeo4jHome(home);
    prepare(home);
    const [bolt, http] = [await freePort(), await freePort()];
    const local = localNeo4j({
      ...process.env,
      KG_NEO4J_HOME: home,
      NEO4J_BOLT_PORT: String(bolt),
      NEO4J_HTTP_PORT: String(http),
    });
    await startLocalNeo4j(local);
    const stop = async () => {
      await stopLocalNeo4j(local);
      remove();
    };
    return { local, settings: settingsOf(local), started: true, stop };
  } catch (err) {
    remove();
    throw err;
  }
}

/**
 * Runs `neo4j-admin database import full` (the AdminTool of the installed jars, which the neo4j-admin script runs)
 * on the CSVs that `kg export --format neo4j-admin` wrote into `csvDir`, into the `neo4j` database of `home` (made
 * by makeNeo4jHome), and returns what it printed. A failed import throws with the end of its output.
 */
export function runAdminImport(home: string, csvDir: string): string {
  const [, ...args] = adminImportArgsFor(readdirSync(csvDir));
  const result = spawnSync('java', ['-cp', join(paths(home).lib, '*'), 'org.neo4j.cli.AdminTool', ...args], {
    cwd: csvDir,
    env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, 'conf') },
    encoding: 'utf8',
    // The tool prints a progress line per stage; a large import is well within this.
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`neo4j-admin import: could not run \`java\`: ${result.error.message}`);
  if (result.status !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(
      `neo4j-admin database import full in ${csvDir} exited with ${result.status ?? result.signal}:\n${tail}`,
    );
  }
  return result.stdout;
}

/**
 * `kg up`'s server: NEO4J_URI set, that server, and failing to reach it is an error. Otherwise a server answering on
 * the local Bolt address, or the local server started from Maven Central jars; if neither can be had, say why (`log`)
 * and go on without (null).
 */
export async function neo4jForUp(log: (line: string) => void): Promise<Neo4jConnection | null> {
  if (process.env.NEO4J_URI) return connect(neo4jSettings());
  try {
    log('neo4j: looking for a server on the local Bolt address, starting the local one if needed…');
    const handle = await ensureLocalNeo4j();
    if (handle.started) log('neo4j: started the local server; it keeps running (stop it with `npm run neo4j -- stop`)');
    return await connect(handle.settings);
  } catch (err) {
    log(
      `neo4j: not loaded (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); the viewer reads graph.json`,
    );
    return null;
  }
}

// Bulk import benchmark (issue #5): `neo4j-admin database import full` of the CSVs that `kg export --format
// neo4j-admin` writes for a synthetic graph of 1M relationships (KG_BENCH_IMPORT_RELS), beside `kg load` of the same
// graph, and the ratio of their times.
// - export: what kg export does once it has read the records (graph, CSV text, files), into a temp folder;
// - import: the real tool (src/neo4j/local.ts runAdminImport) into a temporary Neo4j home, timed as the wall time of
//   its process, JVM start included;
// - load: the loader of kg load (loadSources, default batch size) into NEO4J_URI (it WIPES that database, and empties it
//   again at the end) or a local server of its own (startScratchNeo4j, removed after the run).
// Both the import and the load are checked to have written exactly the graph's nodes and relationships.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeNeo4jHome, runAdminImport, startScratchNeo4j } from '../src/neo4j/local.ts';
import { exportFiles, recordsGraph } from '../src/graph/export.ts';
import { connect, neo4jSettings, type Neo4jConnection } from '../src/neo4j/driver.ts';
import { DEFAULT_BATCH_SIZE, loadSources, recordArrays } from '../src/neo4j/load.ts';
import { syntheticGraph, type Synthetic } from './load.ts';

const RELATIONS = Number(process.env.KG_BENCH_IMPORT_RELS ?? 1_000_000);
const MIN_RELATIONS = 1_000;

interface Counts {
  nodes: number;
  relationships: number;
}

const since = (started: number): number => (performance.now() - started) / 1000;
const f = (n: number): string => Math.round(n).toLocaleString('en');

function expectCounts(what: string, got: Counts, want: Counts): void {
  if (got.nodes !== want.nodes || got.relationships !== want.relationships) {
    throw new Error(
      `${what}: ${got.nodes} nodes and ${got.relationships} relationships, expected the graph's ${want.nodes} and ${want.relationships}`,
    );
  }
}

/** What `kg export --format neo4j-admin` does after reading the records: the graph, its CSVs, the files in `dir`. */
function exportCsv(
  records: Synthetic,
  dir: string,
): Counts & { seconds: number; graphSeconds: number; csvSeconds: number; bytes: number } {
  const started = performance.now();
  const graph = recordsGraph(records.articles, records.entities, records.relations);
  const graphSeconds = since(started);
  const files = exportFiles(graph, 'neo4j-admin');
  const csvSeconds = since(started) - graphSeconds;
  let bytes = 0;
  for (const file of files) {
    const path = join(dir, file.name);
    writeFileSync(path, file.content);
    bytes += statSync(path).size;
  }
  return { seconds: since(started), graphSeconds, csvSeconds, bytes, nodes: graph.order, relationships: graph.size };
}

/** The summary the tool prints last: `IMPORT DONE in 1m 2s 345ms.`, then `Imported:`, `  N nodes`, `  M relationships`. */
function importSummary(output: string): Counts & { done: string } {
  const at = output.lastIndexOf('IMPORT DONE');
  if (at < 0)
    throw new Error(
      `neo4j-admin import printed no IMPORT DONE; its last lines:\n${output.trim().split('\n').slice(-20).join('\n')}`,
    );
  const summary = output.slice(at);
  const count = (what: string) => Number(new RegExp(`^\\s*(\\d+) ${what}\\s*$`, 'm').exec(summary)?.[1] ?? Number.NaN);
  return { done: summary.split('\n')[0]!.trim(), nodes: count('nodes'), relationships: count('relationships') };
}

async function databaseCounts(conn: Neo4jConnection): Promise<Counts> {
  const { records } = await conn.driver.executeQuery(
    'CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    {},
    { database: conn.settings.database },
  );
  const get = (key: string) => (records[0]?.get(key) as { toNumber(): number } | undefined)?.toNumber() ?? Number.NaN;
  return { nodes: get('nodes'), relationships: get('relationships') };
}

/** An empty database through the loader's own wipe, which deletes in batches of its own transactions. */
const wipe = (conn: Neo4jConnection) =>
  loadSources(conn, recordArrays({ articles: [], entities: [], relations: [] }), { wipe: true });

/**
 * `kg load --wipe` of the records, timed from an empty database (as the import starts from an empty store). The
 * loader writes all nodes before any relationship: the moment the nodes are done splits the time in two.
 */
async function loadGraph(
  records: Synthetic,
): Promise<Counts & { seconds: number; relationshipSeconds: number; uri: string }> {
  const local = process.env.NEO4J_URI ? undefined : await startScratchNeo4j();
  const conn = await connect(local?.settings ?? neo4jSettings());
  const nodes = records.articles.length + records.entities.length;
  try {
    await wipe(conn);
    let nodesDone = Number.NaN;
    const started = performance.now();
    await loadSources(conn, recordArrays(records), {
      wipe: true,
      onProgress: (done) => {
        if (done >= nodes && Number.isNaN(nodesDone)) nodesDone = performance.now();
      },
    });
    const finished = performance.now();
    const counts = await databaseCounts(conn);
    // NEO4J_URI's server may be the integration tests', whose wipeDatabase deletes in one transaction: leave no 1M graph behind.
    await wipe(conn);
    return {
      ...counts,
      seconds: (finished - started) / 1000,
      relationshipSeconds: (finished - nodesDone) / 1000,
      uri: conn.settings.uri,
    };
  } finally {
    await conn.driver.close();
    await local?.stop();
  }
}

export async function bench(): Promise<void> {
  if (!(Number.isInteger(RELATIONS) && RELATIONS >= MIN_RELATIONS)) {
    throw new Error(
      `KG_BENCH_IMPORT_RELS=${process.env.KG_BENCH_IMPORT_RELS}: expected a whole number ≥ ${f(MIN_RELATIONS)}`,
    );
  }
  const root = mkdtempSync(join(tmpdir(), 'kg-bench-import-'));
  try {
    const csvDir = join(root, 'csv');
    const home = join(root, 'neo4j-home');
    mkdirSync(csvDir);
    mkdirSync(home);
    const records = syntheticGraph(RELATIONS);
    const exported = exportCsv(records, csvDir);
    console.log(`import bench: ${f(exported.nodes)} nodes, ${f(exported.relationships)} relationships (synthetic)`);
    console.log(
      `  export (recordsGraph + exportFiles neo4j-admin + write): ${exported.seconds.toFixed(2)} s, ${(exported.bytes / 1e6).toFixed(1)} MB of CSV`
        + ` (graph ${exported.graphSeconds.toFixed(2)} s, CSV text ${exported.csvSeconds.toFixed(2)} s, files ${(exported.seconds - exported.graphSeconds - exported.csvSeconds).toFixed(2)} s)`,
    );

    makeNeo4jHome(home);
    const started = performance.now();
    const output = runAdminImport(home, csvDir);
    const importSeconds = since(started);
    const summary = importSummary(output);
    expectCounts('neo4j-admin import', summary, exported);
    console.log(
      `  neo4j-admin database import full: ${importSeconds.toFixed(2)} s wall, JVM start included = ${f(exported.relationships / importSeconds)} rel/s (the tool: "${summary.done}")`,
    );

    const loaded = await loadGraph(records);
    expectCounts('kg load', loaded, exported);
    console.log(
      `  kg load (${f(DEFAULT_BATCH_SIZE)} rows/tx, Neo4j at ${loaded.uri}): ${loaded.seconds.toFixed(2)} s = ${f(exported.relationships / loaded.seconds)} rel/s`
        + ` (the relationships alone, after the nodes: ${loaded.relationshipSeconds.toFixed(2)} s = ${f(exported.relationships / loaded.relationshipSeconds)} rel/s)`,
    );
    console.log(`  ratio load / import: ${(loaded.seconds / importSeconds).toFixed(1)}×`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await bench();

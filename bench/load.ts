// Loader benchmark: relationships per second of the batched loader on a synthetic graph of ≥100k relationships,
// beside one transaction per row on a 2k sample, and their ratio. Uses NEO4J_URI when set (and WIPES that database),
// else a local server of its own (startScratchNeo4j: a temporary home on free ports, removed after the run).
import { pathToFileURL } from 'node:url';
import { startScratchNeo4j } from '../src/neo4j/local.ts';
import { connect, neo4jSettings, type Neo4jConnection } from '../src/neo4j/driver.ts';
import { DEFAULT_BATCH_SIZE, loadSources, recordArrays } from '../src/neo4j/load.ts';
import { entityId, type Article, type Entity, type EntityType, type Relation } from '../src/schema.ts';
import { mulberry32 } from './random.ts';

const RELATIONS = 100_000;
const SAMPLE = 2_000;
/** The loader's default (kg load --batch), so that the figure is what users get; KG_BENCH_BATCH overrides it. */
const BATCH = Number(process.env.KG_BENCH_BATCH || DEFAULT_BATCH_SIZE);

export interface Synthetic {
  articles: Article[];
  entities: Entity[];
  relations: Relation[];
}

/** Articles mention entities; companies develop projects; projects and companies lie in counties; people hold posts. */
export function syntheticGraph(relationCount: number, seed = 1): Synthetic {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const articles: Article[] = Array.from({ length: Math.ceil(relationCount / 50) }, (_, i) => ({
    id: `bench_page_${Math.floor(i / 8)}#${(i % 8) + 1}`,
    file: `bench_page_${Math.floor(i / 8)}.txt`,
    index: i % 8,
    title: `标题${i}`,
    kicker: null,
    subtitle: null,
    date: `2024-${String((i % 12) + 1).padStart(2, '0')}-01`,
    reporters: [],
    body: `正文${i}`.repeat(20),
  }));
  const sizes: [EntityType, number][] = [
    ['Company', 0.3],
    ['Project', 0.2],
    ['County', 0.005],
    ['Agency', 0.05],
    ['Person', 0.3],
    ['Organization', 0.05],
  ];
  const byType = new Map<EntityType, Entity[]>();
  for (const [type, share] of sizes) {
    byType.set(
      type,
      Array.from({ length: Math.max(5, Math.round((relationCount / 10) * share)) }, (_, i) => {
        const name = `${type}名${i}`;
        const props: Entity['props'] = type === 'Project' ? { investment_yuan: Math.floor(rnd() * 5e9) } : {};
        return { id: entityId(type, name), type, name, aliases: [`别名${i}`], articles: [pick(articles).id], props };
      }),
    );
  }
  const of = (t: EntityType) => byType.get(t) ?? [];
  const kinds: [Relation['type'], EntityType | 'Article', EntityType][] = [
    ['MENTIONS', 'Article', 'Company'],
    ['MENTIONS', 'Article', 'Project'],
    ['MENTIONS', 'Article', 'Person'],
    ['DEVELOPS', 'Company', 'Project'],
    ['LOCATED_IN', 'Project', 'County'],
    ['LOCATED_IN', 'Company', 'County'],
    ['HOLDS_POSITION', 'Person', 'Agency'],
    ['FUNDS', 'Agency', 'Company'],
  ];
  const relations: Relation[] = Array.from({ length: relationCount }, (_, i) => {
    const [type, fromType, toType] = pick(kinds);
    const article = pick(articles);
    const from = fromType === 'Article' ? `Article:${article.id}` : pick(of(fromType)).id;
    const props: Relation['props'] =
      type === 'HOLDS_POSITION' ? { title: '局长' } : type === 'FUNDS' ? { amount_yuan: 1_000_000 } : {};
    return {
      type,
      from,
      to: pick(of(toType)).id,
      article: article.id,
      evidence: `证据句子${i}。`,
      start: i,
      end: i + 6,
      rule: 'bench',
      props,
    };
  });
  return { articles, entities: [...byType.values()].flat(), relations };
}

/** Loads the nodes, then times loading the relations alone with the given batch size: relationships per second. */
async function relationsPerSecond(
  conn: Neo4jConnection,
  graph: Synthetic,
  batchSize: number,
): Promise<{ perSecond: number; seconds: number }> {
  await loadSources(conn, recordArrays({ ...graph, relations: [] }), { wipe: true, batchSize: BATCH });
  const started = performance.now();
  await loadSources(conn, recordArrays({ articles: [], entities: [], relations: graph.relations }), { batchSize });
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: graph.relations.length / seconds, seconds };
}

export async function bench(): Promise<void> {
  const local = process.env.NEO4J_URI ? undefined : await startScratchNeo4j();
  const settings = local?.settings ?? neo4jSettings();
  const conn = await connect(settings);
  try {
    const graph = syntheticGraph(RELATIONS);
    const batched = await relationsPerSecond(conn, graph, BATCH);
    const sample = { ...graph, relations: graph.relations.slice(0, SAMPLE) };
    const perRow = await relationsPerSecond(conn, sample, 1);
    const ratio = batched.perSecond / perRow.perSecond;
    const f = (n: number) => Math.round(n).toLocaleString('en');
    console.log(`load bench (Neo4j at ${settings.uri}; ${f(graph.articles.length + graph.entities.length)} nodes)`);
    console.log(
      `  batched (${f(BATCH)} rows/tx): ${f(graph.relations.length)} relationships in ${batched.seconds.toFixed(2)} s = ${f(batched.perSecond)} rel/s (target ≥ 20,000)`,
    );
    console.log(
      `  one tx per row:        ${f(sample.relations.length)} relationships in ${perRow.seconds.toFixed(2)} s = ${f(perRow.perSecond)} rel/s`,
    );
    console.log(`  ratio: ${ratio.toFixed(1)}× (target ≥ 20×)`);
  } finally {
    await conn.driver.close();
    await local?.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await bench();

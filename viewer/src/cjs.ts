// The graphology layouts and metrics are CommonJS with types that describe an ES default export: TypeScript
// (NodeNext) sees the module object, the bundle hands over the function or class itself. Both shapes are made one here.
import fa2Module from 'graphology-layout-forceatlas2';
import workerModule from 'graphology-layout-forceatlas2/worker.js';
import noverlapModule from 'graphology-layout-noverlap';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';

type Fa2 = typeof fa2Module.default;
type Supervisor = typeof workerModule.default;

const unwrap = <T>(m: unknown): T => ((m as { default?: T }).default ?? m) as T;

export const forceAtlas2: Fa2 = unwrap<Fa2>(fa2Module);
/** The layout supervisor that runs ForceAtlas2 in a web worker. */
export const FA2Layout: Supervisor = unwrap<Supervisor>(workerModule);
export type FA2Layout = InstanceType<Supervisor>;
type Noverlap = typeof noverlapModule.default;
type Pagerank = typeof pagerankModule.default;
export const noverlap: Noverlap = unwrap<Noverlap>(noverlapModule);
export const pagerank: Pagerank = unwrap<Pagerank>(pagerankModule);

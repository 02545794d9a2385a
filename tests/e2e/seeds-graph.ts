// The seeds graph the server and viewer tests run against, written fresh into a temporary folder for each run.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraph, exportGraph } from '../../src/graph/build.ts';
import { goldRecords } from '../fixtures/gold-records.ts';

/** Writes graph.json for the seed pages into a new temporary folder and returns the folder. */
export function writeSeedsGraph(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kg-seeds-graph-'));
  const { articles, entities, relations } = goldRecords();
  writeFileSync(join(dir, 'graph.json'), JSON.stringify(exportGraph(buildGraph(articles, entities, relations))));
  return dir;
}

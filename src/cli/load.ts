// `kg load DIR`: an extract output directory into Neo4j (src/neo4j/load.ts), with a progress bar on stderr.
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { connect, type Neo4jSettings } from '../neo4j/driver.ts';
import { DEFAULT_BATCH_SIZE, loadRecords } from '../neo4j/load.ts';
import { browserUrlFor } from '../neo4j/local.ts';
import { addConnectionOptions, settingsFromFlags } from './connection.ts';

function batchSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--batch must be a whole number ≥ 1, not "${value}"`);
  return n;
}

export function register(program: Command): void {
  addConnectionOptions(program.command('load'))
    .description('load the output directory of `kg extract` (articles/entities/relations.jsonl) into Neo4j')
    .argument('<dir>', 'directory written by kg extract --out')
    .option('--batch <n>', 'rows per transaction', batchSize, DEFAULT_BATCH_SIZE)
    .option('--wipe', 'delete every node and relationship of the database first')
    .action(async (dir: string, flags: Partial<Neo4jSettings> & { batch: number; wipe?: boolean }) => {
      const settings = settingsFromFlags(flags);
      const { driver } = await connect(settings);
      const bar = new SingleBar(
        { stream: process.stderr, format: 'loading [{bar}] {percentage}% {value}/{total} records', hideCursor: true },
        Presets.shades_classic,
      );
      let barStarted = false;
      const started = Date.now();
      try {
        const stats = await loadRecords({ driver, settings }, dir, {
          batchSize: flags.batch,
          wipe: flags.wipe,
          onWait: (message) => console.error(message),
          onRetry: (message) => {
            bar.stop();
            barStarted = false;
            console.error(message);
          },
          onProgress: (done, total) => {
            if (!barStarted) bar.start(total, 0);
            barStarted = true;
            bar.update(done);
          },
        });
        bar.stop();
        const seconds = (Date.now() - started) / 1000;
        const p = stats.pruned;
        if (p)
          console.error(
            `removed what the last kg extract run dropped: ${p.articles} articles, ${p.entities} entities, ${p.relationships} relations`,
          );
        console.error(
          `loaded ${stats.articles} articles, ${stats.entities} entities, ${stats.relations} relations `
            + `in ${stats.batches} batches into ${settings.uri}${settings.database ? ` (database ${settings.database})` : ''} in ${seconds.toFixed(1)} s`,
        );
        const browser = browserUrlFor(settings.uri);
        if (browser) console.error(`Neo4j Browser at ${browser}`);
      } finally {
        bar.stop();
        await driver.close();
      }
    });
}

// `kg export DIR --format neo4j-admin|graphml|gexf|csv [--to OUTDIR]`: the graph of an extract output folder as files
// for Neo4j's bulk importer, Gephi, spreadsheets and pandas (src/run/export.ts).
import { join } from 'node:path';
import type { Command } from 'commander';
import { EXPORT_FORMATS } from '../graph/export.ts';
import { defaultExportDir, runExport, type ExportOptions } from '../run/export.ts';

export function register(program: Command): void {
  program
    .command('export')
    .description('write the graph of an extract output folder as neo4j-admin import CSVs, GraphML, GEXF or CSV')
    .argument('<dir>', 'output folder of kg extract')
    .requiredOption('-f, --format <format>', EXPORT_FORMATS.join('|'))
    .option('--to <outdir>', 'where to write (default: DIR/export/<format>)')
    .action(async (dir: string, opts: ExportOptions) => {
      const written = await runExport(dir, opts);
      for (const f of written) console.error(`wrote ${f}`);
      if (opts.format === 'neo4j-admin')
        console.error(
          `import with the command in ${join(opts.to ?? defaultExportDir(dir, opts.format), 'neo4j-admin-import.txt')} (run in that folder, database stopped)`,
        );
    });
}

// `kg export DIR --format neo4j-admin|graphml|gexf|csv [--to OUTDIR]`: the records of an extract output folder as
// files for Neo4j's bulk importer, Gephi, spreadsheets and pandas (formats in src/graph/export.ts).
import { join } from 'node:path';
import type { Command } from 'commander';
import { EXPORT_FORMATS, exportFiles, recordsGraph, type ExportFile, type ExportFormat } from '../graph/export.ts';
import { assertWritableDir } from '../ingest/read.ts';
import { writeFileAtomic } from '../state/store.ts';
import { readRecords } from '../ingest/records.ts';

interface ExportOptions {
  format: string;
  to?: string;
}

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
      if (opts.format === 'neo4j-admin') console.error(`import with the command in ${join(opts.to ?? defaultOut(dir, opts.format), 'neo4j-admin-import.txt')} (run in that folder, database stopped)`);
    });
}

const defaultOut = (dir: string, format: string): string => join(dir, 'export', format);

/** Reads DIR's records, writes the format's files (each via a temp file and a rename); returns their paths. */
export async function runExport(dir: string, opts: ExportOptions): Promise<string[]> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) throw new Error(`--format ${opts.format}: expected one of ${EXPORT_FORMATS.join(', ')}`);
  const records = await readRecords(dir);
  const graph = recordsGraph(records.articles, records.entities, records.relations);
  const files: ExportFile[] = exportFiles(graph, opts.format as ExportFormat);
  const out = opts.to ?? defaultOut(dir, opts.format);
  assertWritableDir(out);
  return files.map((f) => {
    const path = join(out, f.name);
    writeFileAtomic(path, f.content);
    return path;
  });
}

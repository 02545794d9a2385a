// The records of an extract output folder written as files for Neo4j's bulk importer, Gephi, spreadsheets and pandas
// (formats in src/graph/export.ts); `kg export` calls it.
import { join } from 'node:path';
import { EXPORT_FORMATS, exportFiles, recordsGraph, type ExportFile, type ExportFormat } from '../graph/export.ts';
import { assertWritableDir } from '../ingest/read.ts';
import { readRecords } from '../ingest/records.ts';
import { writeFileAtomic } from '../state/store.ts';

export interface ExportOptions {
  format: string;
  to?: string;
}

export const defaultExportDir = (dir: string, format: string): string => join(dir, 'export', format);

/** Reads DIR's records, writes the format's files (each via a temp file and a rename); returns their paths. */
export async function runExport(dir: string, opts: ExportOptions): Promise<string[]> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format))
    throw new Error(`--format ${opts.format}: expected one of ${EXPORT_FORMATS.join(', ')}`);
  const records = await readRecords(dir);
  const graph = recordsGraph(records.articles, records.entities, records.relations);
  const files: ExportFile[] = exportFiles(graph, opts.format as ExportFormat);
  const out = opts.to ?? defaultExportDir(dir, opts.format);
  assertWritableDir(out);
  return files.map((f) => {
    const path = join(out, f.name);
    writeFileAtomic(path, f.content);
    return path;
  });
}

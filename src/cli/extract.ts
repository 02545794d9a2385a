// `kg extract`: page files, folders or .jsonl in; articles, entities, relations and graph.json out.
import { createReadStream, createWriteStream, readdirSync, renameSync, statSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { buildGraph, exportGraph } from '../graph/build.ts';
import { assertWritableDir } from '../ingest/read.ts';
import { createContext } from '../extract/index.ts';
import { extractCorpus } from '../extract/corpus.ts';
import { EntityIndex } from '../resolve/corpus.ts';
import type { Article, Relation } from '../schema.ts';

export interface ExtractOptions {
  out: string;
  city?: string;
  date?: string;
  graph?: boolean;
  quiet?: boolean;
}

export interface ExtractSummary {
  articles: number;
  bytes: number;
  entities: Record<string, number>;
  relations: Record<string, number>;
  skipped: string[];
  invalid: string[];
  seconds: number;
}

export function register(program: Command): void {
  program
    .command('extract')
    .description('extract articles, entities and relations from page files, folders or .jsonl article files')
    .argument('<inputs...>', 'page files (.txt), folders, or .jsonl files of {id, text, title?, date?, file?}')
    .requiredOption('-o, --out <dir>', 'output folder')
    .option('--city <name>', "the paper's home city: 我市/市 resolve to it", '聊城市')
    .option('--date <YYYY-MM-DD>', 'date of the pages, where the text gives none')
    .option('--no-graph', 'skip graph.json (large corpora)')
    .option('-q, --quiet', 'no progress bar or summary')
    .action(async (inputs: string[], opts: ExtractOptions) => {
      const summary = await runExtract(inputs, opts);
      if (!opts.quiet) printSummary(summary);
      if (summary.articles === 0) throw new Error('no article was extracted');
    });
}

/** Writes to `<name>.tmp` then renames, so that an interrupted run never leaves a half-written output file. */
class JsonlWriter {
  private readonly stream: WriteStream;
  constructor(private readonly path: string) {
    this.stream = createWriteStream(`${path}.tmp`);
  }
  async write(record: unknown): Promise<void> {
    if (!this.stream.write(`${JSON.stringify(record)}\n`)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
    renameSync(`${this.path}.tmp`, this.path);
  }
}

export async function runExtract(inputs: string[], opts: ExtractOptions): Promise<ExtractSummary> {
  if (opts.date && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new Error(`--date ${opts.date}: expected YYYY-MM-DD`);
  assertWritableDir(opts.out);
  const ctx = createContext(opts.city ? { city: opts.city } : {});
  const started = performance.now();
  const files = { articles: join(opts.out, 'articles.jsonl'), entities: join(opts.out, 'entities.jsonl'), relations: join(opts.out, 'relations.jsonl') };
  const articles = new JsonlWriter(files.articles);
  const relations = new JsonlWriter(files.relations);
  const index = new EntityIndex();
  const summary: ExtractSummary = { articles: 0, bytes: 0, entities: {}, relations: {}, skipped: [], invalid: [], seconds: 0 };

  const bar = opts.quiet ? null : new cliProgress.SingleBar({ format: 'extract [{bar}] {percentage}% | {value}/{total} KB | {articles} articles', stream: process.stderr }, cliProgress.Presets.shades_classic);
  bar?.start(Math.max(1, Math.round(inputBytes(inputs) / 1024)), 0, { articles: 0 });
  for await (const ev of extractCorpus(inputs, ctx, { date: opts.date ?? null })) {
    if (ev.kind === 'skipped') summary.skipped.push(`${ev.file}${ev.line ? `:${ev.line}` : ''}: ${ev.message}`);
    else if (ev.kind === 'invalid') summary.invalid.push(`${ev.article}: ${ev.message}`);
    else {
      summary.articles++;
      summary.bytes += ev.bytes;
      await articles.write(ev.graph.article);
      for (const e of ev.graph.entities) index.add(e);
      for (const r of ev.graph.relations) {
        summary.relations[r.type] = (summary.relations[r.type] ?? 0) + 1;
        await relations.write(r);
      }
      bar?.update(Math.round(summary.bytes / 1024), { articles: summary.articles });
    }
  }
  bar?.stop();
  await articles.close();
  await relations.close();
  const entities = new JsonlWriter(files.entities);
  for (const e of index.entities()) {
    summary.entities[e.type] = (summary.entities[e.type] ?? 0) + 1;
    await entities.write(e);
  }
  await entities.close();
  if (opts.graph !== false) {
    const graph = buildGraph(await readJsonl<Article>(files.articles), index.entities(), await readJsonl<Relation>(files.relations));
    writeFileSync(`${join(opts.out, 'graph.json')}.tmp`, JSON.stringify(exportGraph(graph)));
    renameSync(`${join(opts.out, 'graph.json')}.tmp`, join(opts.out, 'graph.json'));
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

export async function readJsonl<T>(path: string): Promise<T[]> {
  const out: T[] = [];
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) if (line.trim()) out.push(JSON.parse(line) as T);
  return out;
}

function inputBytes(paths: string[]): number {
  let total = 0;
  for (const p of paths) {
    try {
      const st = statSync(p);
      if (st.isDirectory()) total += inputBytes(readdirSync(p).map((n) => join(p, n)));
      else if (/\.(txt|jsonl)$/i.test(p)) total += st.size;
    } catch {
      // Unreadable paths are reported by the reader, with their reason.
    }
  }
  return total;
}

export function printSummary(s: ExtractSummary): void {
  const fmt = (r: Record<string, number>) => Object.entries(r).sort().map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  const lines = [
    `articles: ${s.articles} (${(s.bytes / 1024).toFixed(0)} KB in ${s.seconds.toFixed(1)} s)`,
    `entities: ${fmt(s.entities)}`,
    `relations: ${fmt(s.relations)}`,
    `skipped: ${s.skipped.length}${s.skipped.map((x) => `\n  ${x}`).join('')}`,
  ];
  if (s.invalid.length) lines.push(`invalid records (not written): ${s.invalid.length}${s.invalid.map((x) => `\n  ${x}`).join('')}`);
  console.error(lines.join('\n'));
}

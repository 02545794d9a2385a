// Reading back the record files `kg extract` writes: one function for eval, export, the graph file and the loader.
// Lines are streamed and checked against their zod schema; the first bad line throws an error naming file and line.
import { createReadStream, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { z } from 'zod';
import { Article, Entity, Relation } from '../schema.ts';

export const RECORD_FILES = {
  articles: 'articles.jsonl',
  entities: 'entities.jsonl',
  relations: 'relations.jsonl',
} as const;

/** A record with where it came from (`relations.jsonl:12`), for error messages. */
export interface Sourced<T> {
  where: string;
  value: T;
}

export async function* readRecordLines<T>(file: string, schema: z.ZodType<T>): AsyncGenerator<Sourced<T>> {
  if (!existsSync(file)) throw new Error(`${file} does not exist: run kg extract --out ${dirname(file)} first`);
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let json: unknown;
    try {
      // A file saved by an editor that writes a byte order mark reads as the same records.
      json = JSON.parse(n === 1 && line.startsWith('\uFEFF') ? line.slice(1) : line);
    } catch (err) {
      throw new Error(`${file}:${n}: not JSON (${(err as Error).message})`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new Error(
        `${file}:${n}: ${parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(line)'}: ${i.message}`).join('; ')}`,
      );
    yield { where: `${basename(file)}:${n}`, value: parsed.data };
  }
}

/** Every record of one file, in memory. */
export async function readRecordFile<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of readRecordLines(file, schema)) out.push(r.value);
  return out;
}

/** The three record files of an extract output folder. */
export async function readRecords(
  dir: string,
): Promise<{ articles: Article[]; entities: Entity[]; relations: Relation[] }> {
  // src/state/commit.ts: a journal left there means the files are half new, half old.
  const journal = join(dir, '.state', 'commit.json');
  if (existsSync(journal))
    throw new Error(
      `${dir}: a kg extract was stopped while putting its outputs in place (${journal}); run kg extract again to complete them`,
    );
  return {
    articles: await readRecordFile(join(dir, RECORD_FILES.articles), Article),
    entities: await readRecordFile(join(dir, RECORD_FILES.entities), Entity),
    relations: await readRecordFile(join(dir, RECORD_FILES.relations), Relation),
  };
}

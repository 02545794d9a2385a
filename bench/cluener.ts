// CLUENER2020 benchmark (../shared/cluener, ../shared/tools/cluener.py): name / company / government P/R/F1 of
//   rules  — `kg extract --ner off` (the current rules) over the 10,748 training sentences, one article each;
//   rules with the recogniser — `kg extract` as it runs by default (src/extract/ner.ts: the model's candidates);
//   model  — the trained recogniser's raw spans alone, written as an extract folder (spanRecords below);
//   union  — both, merged, as a bound on what the rules could gain from the model's candidates;
// then the throughput on one thread of bare recognition (inference and Viterbi decoding) and of bare jieba tagging
// over the same sentences. The scorer is the shared one, run as it is.
// Run alone: node --import tsx bench/cluener.ts   (KG_CLUENER=path/to/labelled.jsonl for another file)
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as jieba from 'nodejs-jieba';
import type { Analysis } from '../src/nlp/ner/index.ts';
import { createRecognizer, MODEL_DIR } from '../src/nlp/ner/index.ts';
import { modelInstalled } from '../src/run/layer.ts';
import { Article, Entity, entityId, type EntityType } from '../src/schema.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LABELLED = process.env.KG_CLUENER ?? fileURLToPath(new URL('../../shared/cluener/train.jsonl', import.meta.url));
const SCORER = fileURLToPath(new URL('../../shared/tools/cluener.py', import.meta.url));
const run = promisify(execFile);

/**
 * The type an ORG span would get: that of the longest of these endings it has (医院 is an organisation though 院 ends
 * government bodies, 总队 a police unit though 队 ends sports teams); an Organization where none fits. Endings are
 * general Chinese naming, not tuned to CLUENER's labels (which count 央行 as government, 律师事务所 as a company).
 */
const ORG_ENDINGS: Record<'Organization' | 'Company' | 'Agency', string[]> = {
  Organization: [
    '大学',
    '学院',
    '学校',
    '中学',
    '小学',
    '幼儿园',
    '医院',
    '研究所',
    '研究院',
    '研究中心',
    '协会',
    '学会',
    '商会',
    '联合会',
    '基金会',
    '俱乐部',
    '队',
    '报社',
    '电视台',
    '出版社',
    '联盟',
    '组织',
  ],
  Company: [
    '公司',
    '集团',
    '银行',
    '支行',
    '分行',
    '合作社',
    '证券',
    '保险',
    '厂',
    '店',
    '超市',
    '商场',
    '宾馆',
    '航空',
    '地产',
    '传媒',
    '事务所',
    '交易所',
  ],
  Agency: [
    '政府',
    '局',
    '厅',
    '委',
    '委员会',
    '常委会',
    '部',
    '署',
    '办',
    '办公室',
    '院',
    '所',
    '海关',
    '人大',
    '政协',
    '公安',
    '人民银行',
    '中央银行',
    '央行',
    '监会',
    '总队',
    '支队',
    '大队',
    '使馆',
  ],
};
const ENDINGS = Object.entries(ORG_ENDINGS)
  .flatMap(([type, endings]) => endings.map((ending) => ({ type: type as EntityType, ending })))
  .sort((a, b) => b.ending.length - a.ending.length);

export function orgType(name: string): EntityType {
  return ENDINGS.find(({ ending }) => name.endsWith(ending))?.type ?? 'Organization';
}

/** A model span's type in an extract folder: PER is a Person, ORG is typed by its ending, LOC and TIME are left out. */
function spanType(e: Analysis['entities'][number]): EntityType | null {
  return e.type === 'PER' ? 'Person' : e.type === 'ORG' ? orgType(e.text) : null;
}

/** An extract folder's records of the model's spans: one article per sentence, one entity per type and name. */
export function spanRecords(
  ids: readonly string[],
  texts: readonly string[],
  analyses: readonly Analysis[],
): { articles: Article[]; entities: Entity[] } {
  const articles = ids.map((id, index) =>
    Article.parse({
      id,
      file: 'cluener',
      index,
      title: null,
      kicker: null,
      subtitle: null,
      date: null,
      reporters: [],
      body: texts[index],
    }),
  );
  const entities = new Map<string, Entity>();
  analyses.forEach((a, i) => {
    for (const span of a.entities) {
      const type = spanType(span);
      if (!type) continue;
      const id = entityId(type, span.text);
      const e = entities.get(id) ?? { id, type, name: span.text, aliases: [], articles: [], props: {} };
      if (e.articles.at(-1) !== ids[i]) e.articles.push(ids[i]!);
      entities.set(id, e);
    }
  });
  return { articles, entities: [...entities.values()].map((e) => Entity.parse(e)) };
}

/** Entities of two folders over the same articles as one list: an id in both keeps the articles of either. */
export function mergeEntities(a: readonly Entity[], b: readonly Entity[]): Entity[] {
  const out = new Map<string, Entity>();
  for (const e of [...a, ...b]) {
    const seen = out.get(e.id);
    const union = (x: string[], y: string[]): string[] => [...new Set([...x, ...y])];
    out.set(
      e.id,
      seen ? { ...seen, aliases: union(seen.aliases, e.aliases), articles: union(seen.articles, e.articles) } : e,
    );
  }
  return [...out.values()];
}

const jsonl = (rows: readonly unknown[]): string => rows.map((r) => `${JSON.stringify(r)}\n`).join('');
const readJsonl = <T>(path: string, schema: { parse(x: unknown): T }): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l, i) => {
      try {
        return schema.parse(JSON.parse(l));
      } catch (err) {
        throw new Error(`${path}:${i + 1}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
    });

function writeFolder(dir: string, articles: readonly Article[], entities: readonly Entity[]): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'articles.jsonl'), jsonl(articles));
  writeFileSync(join(dir, 'entities.jsonl'), jsonl(entities));
}

async function score(dir: string): Promise<string> {
  const { stdout } = await run('python3', [SCORER, 'score', LABELLED, dir]);
  return stdout.trimEnd();
}

/** Wall-clock and CPU time of `work`: on a shared machine the CPU time is the steadier measure of one thread's rate. */
async function timed<T>(work: () => Promise<T> | T): Promise<{ result: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const { user, system } = process.cpuUsage(cpu);
  return { result, wallMs: performance.now() - started, cpuMs: (user + system) / 1000 };
}

const rate = (chars: number, t: { wallMs: number; cpuMs: number }): string => {
  const per = (ms: number): string => Math.round(chars / (ms / 1000)).toLocaleString('en');
  return `${per(t.cpuMs)} chars per CPU second (${per(t.wallMs)} per wall-clock second)`;
};

export async function bench(): Promise<void> {
  for (const f of [LABELLED, SCORER]) {
    if (!existsSync(f)) throw new Error(`${f} not found (the CLUENER data and scorer live in ../shared)`);
  }
  const root = mkdtempSync(join(tmpdir(), 'kg-bench-cluener-'));
  try {
    const input = join(root, 'clue.jsonl');
    await run('python3', [SCORER, 'prepare', LABELLED, input]);
    const lines = readFileSync(input, 'utf8').split('\n').filter(Boolean);
    const rows = lines.map((l) => JSON.parse(l) as { id: string; text: string });
    const ids = rows.map((r) => r.id);
    const texts = rows.map((r) => r.text);
    const chars = texts.reduce((n, t) => n + t.length, 0);
    console.log(`${texts.length} sentences, ${chars.toLocaleString('en')} characters (${LABELLED})`);

    /** `kg extract` of the sentences into `dir`, with the recogniser on or off; its wall-clock seconds. */
    const extract = async (dir: string, ner: 'on' | 'off'): Promise<string> => {
      const started = performance.now();
      const kg = [join(ROOT, 'bin/kg.js'), 'extract', input, '--out', dir, '--no-graph', '-q', '--ner', ner];
      await run(process.execPath, kg, { maxBuffer: 1 << 24 });
      return ((performance.now() - started) / 1000).toFixed(1);
    };
    const rulesDir = join(root, 'rules');
    console.log(`\nrules (kg extract --ner off, ${await extract(rulesDir, 'off')} s):\n${await score(rulesDir)}`);
    const withNer = join(root, 'ner');
    if (modelInstalled()) {
      const seconds = await extract(withNer, 'on');
      console.log(`\nrules with the recogniser's candidates (kg extract, ${seconds} s):\n${await score(withNer)}`);
    }

    const ner = await createRecognizer();
    if (!ner) {
      console.log(`\nmodel: skipped (no model in ${MODEL_DIR}; run scripts/install-model.sh)`);
      return;
    }
    await ner.recognize(['预热']); // the session's first run allocates; not part of the rate
    const recognised = await timed(() => ner.recognize(texts));
    const oneByOne = await timed(async () => {
      for (const t of texts) await ner.recognize([t]); // as one call per sentence: batches of one
    });
    await ner.release();
    const model = spanRecords(ids, texts, recognised.result);
    writeFolder(join(root, 'model'), model.articles, model.entities);
    const orgs = model.entities.filter((e) => e.type !== 'Person');
    const count = (t: EntityType): number => orgs.filter((e) => e.type === t).length;
    const split = `${count('Company')} Company, ${count('Agency')} Agency, ${count('Organization')} Organization names`;
    console.log(`\nmodel alone (PER → Person; ORG → ${split} by ending):\n${await score(join(root, 'model'))}`);

    const rules = readJsonl(join(rulesDir, 'entities.jsonl'), Entity);
    const rulesArticles = readJsonl(join(rulesDir, 'articles.jsonl'), Article);
    writeFolder(join(root, 'union'), rulesArticles, mergeEntities(rules, model.entities));
    console.log(`\nrules ∪ model:\n${await score(join(root, 'union'))}`);

    jieba.tag('预热'); // loads the dictionaries before the clock starts
    const tagged = await timed(() => {
      for (const t of texts) jieba.tag(t);
    });
    console.log('\none thread over the same sentences:');
    console.log(`  recogniser (inference, Viterbi, words), all sentences in one call: ${rate(chars, recognised)}`);
    console.log(`  recogniser, one call per sentence: ${rate(chars, oneByOne)}`);
    console.log(`  bare jieba tagging: ${rate(chars, tagged)}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const self = process.argv[1] ? import.meta.url === pathToFileURL(process.argv[1]).href : false;
if (self) await bench();

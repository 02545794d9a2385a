// The `kg` subcommands by name. A subcommand's module (and what it imports: jieba, fastify, the Neo4j driver, the
// extractor) is loaded only when that subcommand runs; `kg --help` lists the commands from the summaries below
// without loading any of them.
import { Command } from 'commander';

interface CommandModule {
  register(program: Command): void;
}

/** Each command's one-line summary (its module's `.description()`, kept equal by tests/unit/cli-commands.test.ts). */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  up: {
    summary: 'the main job: extract, build graph.json, load Neo4j (configured or local), serve the viewer',
    load: () => import('./up.ts'),
  },
  extract: {
    summary: 'extract articles, entities and relations from page files, folders or .jsonl article files',
    load: () => import('./extract.ts'),
  },
  eval: {
    summary:
      'score pages against gold annotations: extract --pages (each with its gold city), or score an --out folder',
    load: () => import('./eval.ts'),
  },
  load: {
    summary: 'load the output directory of `kg extract` (articles/entities/relations.jsonl) into Neo4j',
    load: () => import('./load.ts'),
  },
  query: {
    summary: 'run a named query of cypher/queries, or Cypher of your own, read-only, and print its answer',
    load: () => import('./query.ts'),
  },
  serve: {
    summary: 'serve the graph viewer and its API (Neo4j when NEO4J_URI is set, else DIR/graph.json)',
    load: () => import('./serve.ts'),
  },
  correct: {
    summary: "append a correction (merge, rename, alias, retype, delete) to an extract folder's corrections.jsonl",
    load: () => import('./correct.ts'),
  },
  export: {
    summary: 'write the graph of an extract output folder as neo4j-admin import CSVs, GraphML, GEXF or CSV',
    load: () => import('./export.ts'),
  },
};

/** The program for these arguments: the named command registered in full, or every command by name and summary. */
export async function buildProgram(args: readonly string[]): Promise<Command> {
  const program = new Command('kg').description('Knowledge-graph builder for Chinese local news').showHelpAfterError();
  const [first, second] = args;
  const name = first === 'help' ? second : first;
  const entry = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (entry) (await entry.load()).register(program);
  else for (const [n, { summary }] of Object.entries(COMMANDS)) program.command(n).description(summary);
  return program;
}

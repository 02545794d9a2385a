// `kg extract`: the flags into run settings (src/settings.ts), a progress bar on stderr, the run (src/run/extract.ts),
// its summary.
import type { Command } from 'commander';
import { formatSummary, runExtract } from '../run/extract.ts';
import { cityFlags, DEFAULT_CITY, type RunSettingsInput } from '../settings.ts';
import { withProgress } from './progress.ts';

interface ExtractFlags {
  out: string;
  city: string[];
  date?: string;
  graph: boolean;
  workers?: string;
  ner: string;
  corrections?: string;
  prune?: boolean;
  full?: boolean;
  wait?: boolean;
  quiet?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The settings the flags give (validated by the run: a bad value fails there, naming its flag). */
export const settingsFromFlags = (flags: ExtractFlags): RunSettingsInput => ({
  out: flags.out,
  ...cityFlags(flags.city),
  date: flags.date ?? null,
  graph: flags.graph,
  ...(flags.workers === undefined ? {} : { workers: flags.workers }),
  ner: flags.ner as RunSettingsInput['ner'],
  ...(flags.corrections === undefined ? {} : { corrections: flags.corrections }),
  prune: flags.prune ?? false,
  full: flags.full ?? false,
  wait: flags.wait ?? false,
  quiet: flags.quiet ?? false,
});

export function register(program: Command): void {
  program
    .command('extract')
    .description('extract articles, entities and relations from page files, folders or .jsonl article files')
    .argument('<inputs...>', 'page files (.txt), folders, or .jsonl files of {id, text, title?, date?, file?}')
    .requiredOption('-o, --out <dir>', 'output folder')
    .option(
      '--city <name|name=path>',
      `the paper's home city (我市/市 resolve to it); NAME=PATH for the inputs under PATH (repeatable); `
        + `without a plain --city, inferred from each page (default ${DEFAULT_CITY} when it names none)`,
      collect,
      [],
    )
    .option('--date <YYYY-MM-DD>', 'date of the pages, where the text gives none')
    .option('--no-graph', 'skip graph.json (large corpora)')
    .option(
      '-w, --workers <n>',
      'worker threads (default: the number of cores, fewer for under 2 MB a worker of pages to extract)',
    )
    .option(
      '--ner <on|off>',
      'the trained recogniser proposing names to the rules (off, or without its model: the rules alone)',
      'on',
    )
    .option('--corrections <file>', 'the corrections to apply (default: DIR/corrections.jsonl if any; see kg correct)')
    .option('--prune', 'drop the records of pages no longer among the inputs (default: keep them)')
    .option('--full', 'extract every page again instead of reusing the unchanged ones')
    .option('--wait', 'wait for another kg extract writing the same --out instead of refusing')
    .option('-q, --quiet', 'no progress bar or summary')
    .action(async (inputs: string[], flags: ExtractFlags) => {
      const settings = settingsFromFlags(flags);
      const summary = await withProgress(settings.quiet ?? false, (onProgress) =>
        runExtract(inputs, settings, { onProgress }),
      );
      if (!flags.quiet) console.error(formatSummary(summary));
      if (summary.articles === 0) throw new Error('no article was extracted');
    });
}

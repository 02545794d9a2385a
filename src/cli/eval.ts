// `kg eval`: score pages against gold files (src/eval/run.ts): a folder of pages extracted here, each with the home
// city its gold file names, or an extract folder as it is.
import type { Command } from 'commander';
import { formatReport } from '../eval/format.ts';
import { evaluate } from '../eval/run.ts';
import { withProgress } from './progress.ts';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

interface EvalFlags {
  gold: string[];
  pages: string[];
  out?: string;
  misses?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('eval')
    .description(
      'score pages against gold annotations: extract --pages (each with its gold city), or score an --out folder',
    )
    .requiredOption('--gold <dir>', 'folder of <page stem>.gold.json files (repeatable)', collect, [])
    .option('--pages <dir>', 'folder of the <page stem>.txt pages to extract (repeatable)', collect, [])
    .option(
      '--out <dir>',
      'with --pages: where to extract (its state is reused; default a temp folder); without: the folder `kg extract --out` wrote',
    )
    .option('--misses', 'list every missed and every extra item')
    .option('--json', 'print the report as JSON')
    .action(async (flags: EvalFlags) => {
      const { report } = await withProgress(flags.json ?? false, (onProgress) =>
        evaluate({ gold: flags.gold, pages: flags.pages, ...(flags.out ? { out: flags.out } : {}) }, { onProgress }),
      );
      console.log(flags.json ? JSON.stringify(report, null, 2) : formatReport(report, flags.misses ?? false));
    });
}

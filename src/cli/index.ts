// The `kg` command: one file per subcommand under src/cli/, each registering itself here.
import { Command } from 'commander';
import { register as extract } from './extract.ts';
import { register as evaluate } from './eval.ts';
import { register as load } from './load.ts';
import { register as query } from './query.ts';
import { register as serve } from './serve.ts';
import { register as exportCmd } from './export.ts';
import { register as up } from './up.ts';

const program = new Command('kg')
  .description('Knowledge-graph builder for Chinese local news')
  .showHelpAfterError();

for (const add of [up, extract, evaluate, load, query, serve, exportCmd]) add(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // One clear line for the user; the stack only when asked for.
  console.error(`kg: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env.KG_DEBUG) console.error(err);
  process.exitCode = 1;
}

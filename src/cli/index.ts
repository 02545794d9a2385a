// The `kg` command: one file per subcommand under src/cli/, each registering itself with its options and action;
// commands.ts loads only the one that runs.
import { buildProgram } from './commands.ts';

try {
  const program = await buildProgram(process.argv.slice(2));
  await program.parseAsync(process.argv);
} catch (err) {
  // One clear line for the user; the stack only when asked for.
  console.error(`kg: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env.KG_DEBUG) console.error(err);
  process.exitCode = 1;
}

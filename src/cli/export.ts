import type { Command } from 'commander';

// Placeholder until the module behind `kg export` lands.
export function register(program: Command): void {
  program.command('export').description('not implemented yet').action(() => {
    throw new Error('kg export is not implemented yet');
  });
}

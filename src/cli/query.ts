import type { Command } from 'commander';

// Placeholder until the module behind `kg query` lands.
export function register(program: Command): void {
  program.command('query').description('not implemented yet').action(() => {
    throw new Error('kg query is not implemented yet');
  });
}

import type { Command } from 'commander';

// Placeholder until the module behind `kg eval` lands.
export function register(program: Command): void {
  program.command('eval').description('not implemented yet').action(() => {
    throw new Error('kg eval is not implemented yet');
  });
}

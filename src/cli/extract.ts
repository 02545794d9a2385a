import type { Command } from 'commander';

// Placeholder until the module behind `kg extract` lands.
export function register(program: Command): void {
  program.command('extract').description('not implemented yet').action(() => {
    throw new Error('kg extract is not implemented yet');
  });
}

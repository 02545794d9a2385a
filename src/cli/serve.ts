import type { Command } from 'commander';

// Placeholder until the module behind `kg serve` lands.
export function register(program: Command): void {
  program.command('serve').description('not implemented yet').action(() => {
    throw new Error('kg serve is not implemented yet');
  });
}

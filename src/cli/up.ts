import type { Command } from 'commander';

// Placeholder until the module behind `kg up` lands.
export function register(program: Command): void {
  program.command('up').description('not implemented yet').action(() => {
    throw new Error('kg up is not implemented yet');
  });
}

// Worker threads do not inherit the tsx loader of the main thread (and Node 20 ignores `--import` in a worker's
// execArgv), so the worker starts here, registers tsx itself, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');

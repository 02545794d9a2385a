// The body of an extraction worker thread (started by pool.ts through worker-entry.js, which registers tsx first):
// it builds its own ExtractContext once, then answers each {id, unit} message with {id, records} or {id, error}; {close: true} ends it.
import { parentPort, workerData } from 'node:worker_threads';
import { createContext } from './context.ts';
import { extractUnit, serializeUnit, type Unit } from './corpus.ts';

export interface WorkerSettings {
  city: string;
  date: string | null;
}

export interface Task {
  id: number;
  unit: Unit;
}

if (!parentPort) throw new Error('src/extract/worker.ts runs as a worker thread (see src/extract/pool.ts)');
const port = parentPort;
const settings = workerData as WorkerSettings;
const ctx = createContext({ city: settings.city });
port.on('message', (task: Task | { close: true }) => {
  if ('close' in task) {
    port.close(); // nothing else keeps the thread alive: it exits
    return;
  }
  const { id, unit } = task;
  try {
    port.postMessage({ id, records: serializeUnit(extractUnit(unit, ctx, { date: settings.date })) });
  } catch (err) {
    port.postMessage({ id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});

// The body of an extraction worker thread (started by pool.ts through worker-entry.js, which registers tsx first):
// it builds its own ExtractContext once per city of its units, then answers each {id, unit} message with {id, records}
// or {id, error}; {close: true} ends it.
import { parentPort, workerData } from 'node:worker_threads';
import { contextCache, extractRecords, type Unit } from './units.ts';

/** What a worker needs besides its units (each carries its city). */
export interface WorkerSettings {
  date: string | null;
}

export interface Task {
  id: number;
  unit: Unit;
}

if (!parentPort) throw new Error('src/run/worker.ts runs as a worker thread (see src/run/pool.ts)');
const port = parentPort;
const settings = workerData as WorkerSettings;
const contexts = contextCache();
port.on('message', (task: Task | { close: true }) => {
  if ('close' in task) {
    port.close(); // nothing else keeps the thread alive: it exits
    return;
  }
  const { id, unit } = task;
  try {
    port.postMessage({ id, records: extractRecords(unit, contexts, settings.date) });
  } catch (err) {
    port.postMessage({ id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});

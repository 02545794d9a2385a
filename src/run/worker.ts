// The body of an extraction worker thread (started by pool.ts through worker-entry.js, which registers tsx first):
// it builds its own ExtractContext once per city of its units (and its own recogniser), then answers each {id, unit}
// message with {id, records} or {id, error}; {close: true} ends it.
import { parentPort, workerData } from 'node:worker_threads';
import { layerSource } from './layer.ts';
import { contextCache, extractRecords, type Unit } from './units.ts';

/** What a worker needs besides its units (each carries its city). */
export interface WorkerSettings {
  date: string | null;
  /** The recogniser's model folder, checked complete by the run; null: the rules alone. */
  model: string | null;
}

export interface Task {
  id: number;
  unit: Unit;
}

if (!parentPort) throw new Error('src/run/worker.ts runs as a worker thread (see src/run/pool.ts)');
const port = parentPort;
const settings = workerData as WorkerSettings;
const tools = { contexts: contextCache(), layers: layerSource(settings.model) };
port.on('message', (task: Task | { close: true }) => {
  if ('close' in task) {
    // The pool sends it once every task is answered; nothing else keeps the thread alive: it exits.
    void tools.layers.close().finally(() => port.close());
    return;
  }
  const { id, unit } = task;
  extractRecords(unit, tools, settings.date).then(
    (records) => port.postMessage({ id, records }),
    (err: unknown) => port.postMessage({ id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});

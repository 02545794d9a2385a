// Where units are extracted: in this thread (one worker) or in a pool of worker threads. Either way `run(unit)`
// returns the unit's serialized records; the caller awaits them in input order, so the output does not depend on
// which worker finished first.
import { Worker } from 'node:worker_threads';
import { layerSource } from './layer.ts';
import { contextCache, extractRecords, type Unit, type UnitRecords } from './units.ts';
import type { Task, WorkerSettings } from './worker.ts';

export interface Extractor {
  run(unit: Unit): Promise<UnitRecords>;
  close(): Promise<void>;
}

/** Tasks handed to one worker before it answers: two, so that a worker never waits for the main thread. */
const TASKS_PER_WORKER = 2;

export function createExtractor(settings: WorkerSettings & { workers: number }): Extractor {
  if (!Number.isInteger(settings.workers) || settings.workers < 1)
    throw new Error(`workers must be a whole number ≥ 1, not ${settings.workers}`);
  // Nothing is built before the first unit: a run that finds every unit cached loads neither jieba nor a worker.
  if (settings.workers === 1) {
    const tools = { contexts: contextCache(), layers: layerSource(settings.model) };
    return {
      run: (unit) => extractRecords(unit, tools, settings.date),
      close: () => tools.layers.close(),
    };
  }
  let pool: WorkerPool | null = null;
  return {
    run: (unit) =>
      (pool ??= new WorkerPool({ date: settings.date, model: settings.model }, settings.workers)).run(unit),
    close: async () => pool?.close(),
  };
}

interface Pending {
  task: Task;
  resolve(r: UnitRecords): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  busy: Map<number, Pending>;
}

class WorkerPool implements Extractor {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private failure: Error | null = null;
  private nextId = 0;

  constructor(
    private readonly settings: WorkerSettings,
    private readonly size: number,
  ) {}

  run(unit: Unit): Promise<UnitRecords> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { id: this.nextId++, unit }, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * The least busy worker takes the next task, while any worker has room. Workers start on demand, another one only
   * when every started one is busy: each loads jieba's dictionary (~0.7 s of a core), which a run that re-extracts a
   * page or two should not pay for twice.
   */
  private dispatch(): void {
    while (this.queue.length) {
      const least = this.slots.reduce<Slot | null>((a, b) => (a === null || b.busy.size < a.busy.size ? b : a), null);
      const slot = least && (least.busy.size === 0 || this.slots.length === this.size) ? least : this.start();
      if (slot.busy.size >= TASKS_PER_WORKER) return;
      const p = this.queue.shift()!;
      slot.busy.set(p.task.id, p);
      slot.worker.postMessage(p.task);
    }
  }

  private start(): Slot {
    const n = this.slots.length + 1;
    const slot: Slot = {
      worker: new Worker(
        new URL(import.meta.url.endsWith('.ts') ? './worker-entry.js' : './worker.js', import.meta.url),
        { workerData: this.settings },
      ),
      busy: new Map(),
    };
    slot.worker.on('message', (m: { id: number; records?: UnitRecords; error?: string }) => {
      const p = slot.busy.get(m.id);
      if (!p) return;
      slot.busy.delete(m.id);
      if (m.records) p.resolve(m.records);
      else p.reject(new Error(`extraction worker failed on ${p.task.unit.file}: ${m.error}`));
      this.dispatch();
    });
    slot.worker.on('error', (err) => this.fail(new Error(`extraction worker ${n} crashed: ${err.message}`)));
    slot.worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`extraction worker ${n} exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  /** A dead worker fails every task still open: the run stops with its reason rather than hang. */
  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    for (const p of [...this.queue, ...this.slots.flatMap((s) => [...s.busy.values()])]) p.reject(err);
    this.queue.length = 0;
    for (const s of this.slots) s.busy.clear();
  }

  /**
   * Asks every worker to stop once its current task is done, and waits until it has. terminate() is no way out: it
   * would interrupt a worker inside jieba's native code, and nodejs-jieba then aborts the whole process.
   */
  async close(): Promise<void> {
    this.failure ??= new Error('the extraction pool is closed');
    await Promise.all(
      this.slots.map(async (s) => {
        if (s.worker.threadId < 0) return; // already exited
        const exited = new Promise((done) => s.worker.once('exit', done));
        s.worker.postMessage({ close: true });
        await exited;
      }),
    );
  }
}

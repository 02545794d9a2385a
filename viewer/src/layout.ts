// ForceAtlas2 in a web worker, started and stopped by the user.
import { FA2Layout, forceAtlas2 } from './cjs.ts';
import type { ViewGraph } from './graph.ts';

export interface LayoutControl {
  isRunning(): boolean;
  start(): void;
  stop(): void;
  /** The graph changed shape (nodes added): a running layout restarts on the new graph. */
  reset(): void;
  kill(): void;
}

export function layoutControl(graph: ViewGraph, onChange: (running: boolean) => void): LayoutControl {
  let worker: FA2Layout | null = null;
  const create = () =>
    new FA2Layout(graph, { settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 } });
  const control: LayoutControl = {
    isRunning: () => worker?.isRunning() ?? false,
    start() {
      worker ??= create();
      worker.start();
      onChange(true);
    },
    stop() {
      worker?.stop();
      onChange(false);
    },
    reset() {
      const running = control.isRunning();
      worker?.kill();
      worker = null;
      if (running) control.start();
    },
    kill() {
      worker?.kill();
      worker = null;
    },
  };
  return control;
}

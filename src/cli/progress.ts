// The progress bar of a run on stderr, for `kg extract`, `kg up` and `kg eval`.
import cliProgress from 'cli-progress';
import type { Progress } from '../run/extract.ts';

/** Runs `job` with a progress bar on stderr (none when quiet), stopped however the job ends. */
export async function withProgress<T>(
  quiet: boolean,
  job: (onProgress?: (p: Progress) => void) => Promise<T>,
): Promise<T> {
  if (quiet) return job();
  const bar = new cliProgress.SingleBar(
    { format: 'extract [{bar}] {percentage}% | {value}/{total} KB | {articles} articles', stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  try {
    return await job((p) => {
      if (!started) bar.start(Math.max(1, Math.round(p.total / 1024)), 0, { articles: 0 });
      started = true;
      bar.update(Math.round(p.done / 1024), { articles: p.articles });
    });
  } finally {
    bar.stop();
  }
}

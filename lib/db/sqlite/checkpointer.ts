import { Worker } from 'node:worker_threads';
import { threadFile } from './thread-file';
import type { CheckpointerSettings } from './worker-protocol';

export type CheckpointTiming = Omit<CheckpointerSettings, 'file'>;

/**
 * WAL checkpoints off the event loop. SQLite checkpoints inside whichever COMMIT pushes the WAL past 1,000 pages
 * (about every 200 proposals): a WAL fsync, the page copies and a database fsync, a few milliseconds during which
 * the server's one thread serves nobody. Instead the server's connections stop checkpointing and a worker thread,
 * with a connection of its own, runs PASSIVE checkpoints: PASSIVE never waits for, nor blocks, the writer.
 *
 * When: in the lull after writes (quietMs after the last commit it saw), or maxDeferMs after the first commit it has
 * not checkpointed if writes never pause (checkpoint-timing.cjs). A checkpoint's fsync of the database file competes
 * with the commits' WAL fsyncs on the same disk: checkpointing every 250 ms, as before, landed in the middle of
 * bursts of proposals, and a commit's sync took 29.5 ms instead of ~1 (docs/BENCHMARKS.md). Agents' calls come in
 * bursts; the lull is where the disk is free. Should the worker fail, the connections checkpoint as they commit
 * again (`onFailure`).
 */
const CHECKPOINT_TIMING: CheckpointTiming = { pollMs: 25, quietMs: 100, maxDeferMs: 1_000 };

export function startCheckpointer(
  file: string,
  onFailure: (error: unknown) => void,
  timing: CheckpointTiming = CHECKPOINT_TIMING,
): Worker {
  const workerData: CheckpointerSettings = { file, ...timing };
  const worker = new Worker(threadFile('checkpointer-thread.cjs'), { workerData });
  worker.unref(); // never keeps the process alive
  let failed = false;
  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    onFailure(error);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the checkpoint worker exited with ${code}`)));
  return worker;
}

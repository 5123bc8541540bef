import { Worker } from 'node:worker_threads';
import { threadFile } from './thread-file';
import type { CheckpointerSettings } from './worker-protocol';

/**
 * WAL checkpoints off the event loop. SQLite checkpoints inside whichever COMMIT pushes the WAL past 1,000 pages
 * (about every 200 proposals): a WAL fsync, the page copies and a database fsync, a few milliseconds during which
 * the server's one thread serves nobody. Instead the server's connection stops checkpointing and a worker thread,
 * with a connection of its own, runs a PASSIVE checkpoint a few times a second: PASSIVE never waits for, nor blocks,
 * the writer. Should the worker fail, the connection checkpoints by itself again (`onFailure`).
 */
const INTERVAL_MS = 250;

export function startCheckpointer(file: string, onFailure: (error: unknown) => void): Worker {
  const workerData: CheckpointerSettings = { file, intervalMs: INTERVAL_MS };
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

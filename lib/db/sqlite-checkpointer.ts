import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * WAL checkpoints off the event loop. SQLite checkpoints inside whichever COMMIT pushes the WAL past 1,000 pages
 * (about every 200 proposals): a WAL fsync, the page copies and a database fsync, a few milliseconds during which
 * the server's one thread serves nobody. Instead the server's connection stops checkpointing and a worker thread,
 * with a connection of its own, runs a PASSIVE checkpoint a few times a second: PASSIVE never waits for, nor blocks,
 * the writer. Should the worker fail, the connection checkpoints by itself again (`onFailure`).
 */
const INTERVAL_MS = 250;

// Plain CommonJS run by the worker: not bundled, so better-sqlite3 is loaded from the app's node_modules at run time.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const Database = createRequire(workerData.resolveFrom)('better-sqlite3');
const db = new Database(workerData.file, { timeout: 0 });
db.pragma('synchronous = FULL');
setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    if (error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') throw error; // another process checkpoints now
  }
}, workerData.intervalMs);
`;

export function startCheckpointer(file: string, onFailure: (error: unknown) => void): Worker {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, intervalMs: INTERVAL_MS, resolveFrom: path.join(process.cwd(), 'package.json') },
  });
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

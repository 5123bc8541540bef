// @ts-check
// The worker's side of lib/db/sqlite/checkpointer.ts. Plain CommonJS, type-checked by tsc, run as it is (not bundled).
const { workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

/** @type {import('./worker-protocol').CheckpointerSettings} */
const settings = workerData;
const db = new Database(settings.file, { timeout: 0 });
db.pragma('synchronous = FULL');
setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    const code = /** @type {{ code?: unknown }} */ (error)?.code;
    if (code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED') throw error; // another process checkpoints now
  }
}, settings.intervalMs);

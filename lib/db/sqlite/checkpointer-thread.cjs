// @ts-check
// The worker's side of lib/db/sqlite/checkpointer.ts. Plain CommonJS, type-checked by tsc, run as it is (not bundled).
const { workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const { isCheckpointDue } = require('./checkpoint-timing.cjs');

/** @type {import('./worker-protocol').CheckpointerSettings} */
const settings = workerData;
const db = new Database(settings.file, { timeout: 0 });
db.pragma('synchronous = FULL');
// Changes whenever another connection (of any process) commits: how the thread sees writes without being told.
const dataVersion = db.prepare('PRAGMA data_version').pluck();
let version = dataVersion.get();
const started = Date.now();
/** @type {number | null} what the WAL held at start is checkpointed in the first lull too */
let firstUnchecked = started;
let lastSeen = started;

setInterval(() => {
  const now = Date.now();
  const current = dataVersion.get();
  if (current !== version) {
    version = current;
    firstUnchecked ??= now;
    lastSeen = now;
  }
  const { quietMs, maxDeferMs } = settings;
  if (!isCheckpointDue({ now, firstUnchecked, lastSeen, quietMs, maxDeferMs })) return;
  try {
    const [result] = /** @type {{ log: number, checkpointed: number }[]} */ (db.pragma('wal_checkpoint(PASSIVE)'));
    // A reader still using older frames keeps them from being copied: try again after another quiet period.
    if (result && result.checkpointed < result.log) lastSeen = now;
    else firstUnchecked = null;
  } catch (error) {
    const code = /** @type {{ code?: unknown }} */ (error)?.code;
    if (code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED') throw error; // another process checkpoints now
    lastSeen = now;
  }
}, settings.pollMs);

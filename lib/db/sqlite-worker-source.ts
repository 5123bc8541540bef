// The worker's side of lib/db/sqlite-worker-connection.ts (what it does and why is described there).

/** As the server's connection (SQLITE_PRAGMAS in lib/db/client.ts). */
const BUSY_MS = 5000;

// Plain CommonJS run by the worker: not bundled, so better-sqlite3 is loaded from the app's node_modules at run time.
// Messages both ways are arrays, one per turn of the sender's event loop. A statement travels as a number once its
// text has been sent (`ref`), so a message carries values, not the same SQL over and over.
export const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, fsync, openSync } = require('node:fs');
const { createRequire } = require('node:module');
const Database = createRequire(workerData.resolveFrom)('better-sqlite3');
const db = new Database(workerData.file, { timeout: BUSY_MS });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('temp_store = MEMORY');
db.pragma('wal_autocheckpoint = ' + workerData.autocheckpoint);
// Open before any commit: failing to open it must not report a committed batch as failed.
const walFd = openSync(workerData.file + '-wal', 'r');
const byRef = new Map();
const texts = new Map();
const statement = ({ ref, sql }) => {
  let s = byRef.get(ref);
  if (!s) { s = db.prepare(sql ?? texts.get(ref)); if (ref !== undefined) byRef.set(ref, s); }
  return s;
};
// A statement's text comes with its first use; learn it before running anything of the message, whatever the order.
const learn = (s) => { if (s.ref !== undefined && s.sql !== undefined) texts.set(s.ref, s.sql); };
const control = (sql) => statement({ ref: sql, sql });
const failure = (step, error) => ({ message: 'could not be ' + step + ': ' + String(error && error.message), code: error && error.code });

let waiting = [];       // writes not yet committed (held while another connection has the write lock)
let busySince = null;
let retryTimer = null;
let unsynced = [];      // committed, answered after the next fsync
let syncing = false;
let closing = false;

parentPort.on('message', (requests) => {
  const answers = [];
  for (const request of requests) (request.statements ?? [request.statement]).forEach((s) => s && learn(s));
  for (const request of requests) {
    if (request.kind === 'query') answers.push(query(request));
    else if (request.kind === 'write') waiting.push(request);
    else if (request.kind === 'autocheckpoint') db.pragma('wal_autocheckpoint = ' + request.pages);
    else if (request.kind === 'close') closing = true;
  }
  // Reads are answered before the writes commit: they need not wait for them.
  if (answers.length > 0) parentPort.postMessage(answers);
  if (retryTimer === null) commitWaiting();
  closeWhenDone();
});

function query({ id, statement: s }) {
  try {
    return { id, rows: statement(s).all(...s.values) };
  } catch (error) {
    return { id, error: failure('read', error) };
  }
}

function commitWaiting() {
  retryTimer = null;
  if (waiting.length === 0) return;
  // Take the write lock without waiting: while the server's connection holds it, retry from the event loop so that
  // reads keep being answered meanwhile; give up (the callers fail) after the busy timeout.
  control('PRAGMA busy_timeout = 0').get();
  try {
    control('BEGIN IMMEDIATE').run();
  } catch (error) {
    const busy = error && error.code === 'SQLITE_BUSY';
    busySince ??= Date.now();
    if (busy && Date.now() - busySince < BUSY_MS) { retryTimer = setTimeout(retry, 1); return; }
    parentPort.postMessage(waiting.map((job) => ({ id: job.id, error: failure('committed', error) })));
    waiting = [];
    busySince = null;
    return;
  } finally {
    control('PRAGMA busy_timeout = BUSY_MS').get();
  }
  busySince = null;
  const batch = waiting;
  waiting = [];
  const outcomes = [];
  try {
    for (const job of batch) {
      control('SAVEPOINT write_job').run();
      try {
        const counts = job.statements.map((s) => statement(s).run(...s.values).changes);
        control('RELEASE write_job').run();
        outcomes.push({ id: job.id, counts });
      } catch (error) {
        control('ROLLBACK TO write_job').run();
        control('RELEASE write_job').run();
        outcomes.push({ id: job.id, error: failure('written', error) });
      }
    }
    control('COMMIT').run();
  } catch (error) {
    try { if (db.inTransaction) db.prepare('ROLLBACK').run(); } catch {}
    parentPort.postMessage(batch.map((job) => ({ id: job.id, error: failure('committed', error) })));
    return;
  }
  unsynced.push(...outcomes);
  if (!syncing) sync();
}

function retry() {
  commitWaiting();
  closeWhenDone();
}

// One fsync at a time: the commits made while one runs are answered after the next, which covers them all.
function sync() {
  const batch = unsynced;
  unsynced = [];
  syncing = true;
  fsync(walFd, (error) => {
    syncing = false;
    if (error) {
      // After a failed fsync the kernel may have dropped the frames and will not say so again: no later commit on
      // this file can be trusted to be on disk. Tell the callers, and the server, which stops serving.
      parentPort.postMessage(batch.map((job) => ({ id: job.id, error: failure('synced', error) })));
      parentPort.postMessage([{ id: 0, fatal: failure('synced', error) }]);
      return;
    }
    parentPort.postMessage(batch);
    if (unsynced.length > 0) sync();
    closeWhenDone();
  });
}

// Asked to close, the worker first finishes what it was sent (commits and their fsync), then closes its files.
function closeWhenDone() {
  if (!closing || waiting.length > 0 || syncing || unsynced.length > 0 || retryTimer !== null) return;
  db.close();
  closeSync(walFd);
  parentPort.close();
}
`.replaceAll('BUSY_MS', String(BUSY_MS));

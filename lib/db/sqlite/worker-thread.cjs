// @ts-check
// The worker's side of lib/db/sqlite/worker-connection.ts (what it does and why is described there). Plain CommonJS,
// type-checked by tsc: the worker runs this file as it is (not bundled), so better-sqlite3 is loaded from the app's
// node_modules at run time.
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, fdatasync, openSync } = require('node:fs');
const Database = require('better-sqlite3');

/** @typedef {import('./worker-protocol').Request} Request */
/** @typedef {import('./worker-protocol').Reply} Reply */
/** @typedef {import('./worker-protocol').WireStatement} WireStatement */
/** @typedef {Extract<Request, { kind: 'write' }>} WriteRequest */

if (!parentPort) throw new Error('worker-thread.cjs runs as a worker thread');
const port = parentPort;
/** @type {import('./worker-protocol').WorkerSettings} */
const settings = workerData;

const db = new Database(settings.file, { timeout: settings.busyMs });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('temp_store = MEMORY');
db.pragma(`wal_autocheckpoint = ${settings.autocheckpoint}`);
/** Syncs of the WAL in flight at once (see sync()). */
const MAX_SYNCS = 2;
// One descriptor per sync in flight, opened before any commit: failing to open one must not report a committed batch
// as failed.
const walFds = Array.from({ length: MAX_SYNCS }, () => openSync(`${settings.file}-wal`, 'r'));
/** The descriptors no sync is using now. */
const idleWalFds = [...walFds];

/** @type {Map<number | string, import('better-sqlite3').Statement>} */
const byRef = new Map();
/** @type {Map<number, string>} */
const texts = new Map();

/** @param {{ ref?: number | string, sql?: string }} s */
function statement({ ref, sql }) {
  let prepared = ref === undefined ? undefined : byRef.get(ref);
  if (!prepared) {
    const text = sql ?? (typeof ref === 'number' ? texts.get(ref) : undefined);
    if (text === undefined) throw new Error(`statement ${ref} was never sent`);
    prepared = db.prepare(text);
    if (ref !== undefined) byRef.set(ref, prepared);
  }
  return prepared;
}

/** A statement's text comes with its first use; learn it before running anything of the message, whatever the order. */
/** @param {WireStatement} s */
const learn = (s) => {
  if (s.ref !== undefined && s.sql !== undefined) texts.set(s.ref, s.sql);
};
/** @param {string} sql */
const control = (sql) => statement({ ref: sql, sql });
/** @param {string} step @param {unknown} error @returns {import('./worker-protocol').Failure} */
const failure = (step, error) => {
  const { message, code } = /** @type {{ message?: unknown, code?: unknown }} */ (error ?? {});
  return { message: `could not be ${step}: ${String(message)}`, code: typeof code === 'string' ? code : undefined };
};

/** @type {WriteRequest[]} writes not yet committed (held while another connection has the write lock) */
let waiting = [];
/** @type {number | null} */
let busySince = null;
/** @type {NodeJS.Timeout | null} */
let retryTimer = null;
/** @type {Reply[]} committed, answered after the next fsync */
let unsynced = [];
/** @type {{ batch: Reply[] }[]} the syncs in flight not yet answered, oldest first, each with the commits it covers */
const inFlight = [];
/** @type {Error | null} set by a failed sync: nothing committed on this file is acknowledged from then on */
let syncFailure = null;
let closing = false;

port.on('message', (/** @type {Request[]} */ requests) => {
  /** @type {Reply[]} */
  const answers = [];
  for (const request of requests) {
    if (request.kind === 'query') learn(request.statement);
    else if (request.kind === 'write') request.statements.forEach(learn);
  }
  for (const request of requests) {
    if (request.kind === 'query') answers.push(query(request));
    else if (request.kind === 'write') waiting.push(request);
    else if (request.kind === 'autocheckpoint') db.pragma(`wal_autocheckpoint = ${request.pages}`);
    else if (request.kind === 'close') closing = true;
  }
  // Reads are answered before the writes commit: they need not wait for them.
  if (answers.length > 0) port.postMessage(answers);
  if (retryTimer === null) commitWaiting();
  closeWhenDone();
});

/** @param {Extract<Request, { kind: 'query' }>} request @returns {Reply} */
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
    const busy = /** @type {{ code?: unknown }} */ (error)?.code === 'SQLITE_BUSY';
    busySince ??= Date.now();
    if (busy && Date.now() - busySince < settings.busyMs) {
      retryTimer = setTimeout(retry, 1);
      return;
    }
    port.postMessage(waiting.map((job) => ({ id: job.id, error: failure('committed', error) })));
    waiting = [];
    busySince = null;
    return;
  } finally {
    control(`PRAGMA busy_timeout = ${settings.busyMs}`).get();
  }
  busySince = null;
  const batch = waiting;
  waiting = [];
  /** @type {Reply[]} */
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
    try {
      if (db.inTransaction) db.prepare('ROLLBACK').run();
    } catch {
      // nothing was committed either way; the callers are answered below
    }
    port.postMessage(batch.map((job) => ({ id: job.id, error: failure('committed', error) })));
    return;
  }
  unsynced.push(...outcomes);
  sync();
}

function retry() {
  commitWaiting();
  closeWhenDone();
}

/**
 * Up to MAX_SYNCS syncs in flight. The server posts a turn's writes as one message, but the writes of one wave of
 * requests often arrive as two (a few, then the rest): with one sync at a time the rest waited for the first sync to
 * end and then for their own. Now they start theirs at once. A sync covers every commit made before it began, so the
 * first to succeed answers its own commits and those of the syncs begun before it. Each sync runs on a descriptor of
 * its own: Linux reports a writeback error once to each open file description, so an error cannot be reported to —
 * and consumed by — one sync while another on the same descriptor returns success. Any failure is fatal.
 * fdatasync, as SQLite syncs its WAL: the data and the size, not the modification time.
 */
function sync() {
  if (unsynced.length === 0) return;
  if (syncFailure) {
    refuse(unsynced.splice(0), syncFailure);
    return;
  }
  const fd = idleWalFds.pop();
  if (fd === undefined) return; // the next sync to end starts one for these
  const entry = { batch: unsynced };
  unsynced = [];
  inFlight.push(entry);
  fdatasync(fd, (error) => {
    idleWalFds.push(fd);
    if (error) {
      // After a failed fsync the kernel may have dropped the frames and will not say so again: no later commit on
      // this file can be trusted to be on disk. Tell the callers still waiting, and the server.
      const first = syncFailure === null;
      syncFailure ??= error;
      refuse(
        inFlight.splice(0).flatMap((waiting) => waiting.batch),
        error,
      );
      if (first) port.postMessage([{ id: 0, fatal: failure('synced', error) }]);
    } else {
      const index = inFlight.indexOf(entry);
      // -1: a sync begun later ended first and answered these already.
      const covered = index < 0 ? [] : inFlight.splice(0, index + 1).flatMap((done) => done.batch);
      if (covered.length > 0) port.postMessage(covered);
    }
    sync();
    closeWhenDone();
  });
}

/** @param {Reply[]} batch @param {unknown} error */
function refuse(batch, error) {
  if (batch.length > 0) port.postMessage(batch.map((job) => ({ id: job.id, error: failure('synced', error) })));
}

/** Asked to close, the worker first finishes what it was sent (commits and their fsync), then closes its files. */
function closeWhenDone() {
  const syncing = idleWalFds.length < walFds.length;
  if (!closing || waiting.length > 0 || syncing || unsynced.length > 0 || retryTimer !== null) return;
  db.close();
  walFds.forEach((fd) => closeSync(fd));
  port.close();
}

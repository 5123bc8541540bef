import { db } from '../db/client';
import type { ChangeNotice } from '../db/engine';
import { onAnyActionChange } from './action-changes';
import { logger } from '../logging/logger';
import { fallbackPollMs, hearingOtherInstances, onOtherInstances } from './other-instances';

/** How often one process reads the audit log for other app instances' changes while it cannot hear them. */
const POLL_MS = 500;
/**
 * Sequence numbers are taken when an INSERT runs but become visible at COMMIT, so on PostgreSQL event 11 can appear
 * before event 10. Each poll re-reads the events of a window below the newest one it has seen and reports those it
 * had not: a late commit inside the window is still caught. Transactions are short; 1000 events are plenty.
 */
const LATE_COMMIT_WINDOW = 1000;

/** Called with the ids of the actions that changed (created, approved, decided, expired, edited…). */
type Listener = (actionIds: ReadonlySet<string>) => void;
const globalForWatch = globalThis as unknown as { wardenActionWatch?: { listeners: Set<Listener>; stop?: () => void } };
const watch = (globalForWatch.wardenActionWatch ??= { listeners: new Set() });

/**
 * Calls `listener` with the ids of actions created or changed, in this instance (at once, through the in-process
 * emitter) or in another app instance on the same database: on PostgreSQL as it commits (its audit event's notice,
 * lib/realtime/other-instances.ts); where nothing can be heard (SQLite, or the notification connection down) within
 * ~0.5 s, read from the audit log (every change of an action writes an audit event in its transaction), and once more
 * when the connection is back. One watch per process, running only while somebody listens. An id may be reported
 * twice (here, then by a notice or the poll); listeners re-read what they show. Returns the unsubscribe.
 */
export function watchActionChanges(listener: Listener): () => void {
  watch.listeners.add(listener);
  if (!watch.stop) watch.stop = startWatching();
  return () => {
    watch.listeners.delete(listener);
    if (watch.listeners.size === 0) {
      watch.stop?.();
      watch.stop = undefined;
    }
  };
}

function broadcast(actionIds: ReadonlySet<string>): void {
  for (const listener of [...watch.listeners]) {
    try {
      listener(actionIds);
    } catch (error) {
      logger().error({ err: error }, 'a watcher of action changes failed');
    }
  }
}

function startWatching(): () => void {
  const unsubscribe = onAnyActionChange((actionId) => broadcast(new Set([actionId])));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let polling = false;
  let top: number | undefined;
  let learned = false;
  /** Sequence numbers already reported (by a notice or a poll), within the window below `top`. */
  const seen = new Set<number>();
  const forgetBelowWindow = () => {
    for (const seq of seen) if (top !== undefined && seq <= top - LATE_COMMIT_WINDOW) seen.delete(seq);
  };

  function heard(notice: ChangeNotice) {
    if (seen.has(notice.seq)) return;
    seen.add(notice.seq);
    top = Math.max(top ?? 0, notice.seq);
    if (seen.size > 2 * LATE_COMMIT_WINDOW) forgetBelowWindow();
    if (notice.actionId && !stopped) broadcast(new Set([notice.actionId]));
  }

  /** Reads the audit log's recent window; reports what no notice or earlier read did. */
  async function readAuditLog() {
    let known = -Infinity;
    if (!learned) {
      const [row] = await db().$queryRaw<{ top: unknown }[]>`SELECT MAX("seq") AS "top" FROM "AuditEvent"`;
      known = Number(row?.top ?? 0);
      top = Math.max(top ?? 0, known);
      learned = true;
    }
    if (top === undefined) return;
    const rows = await db().$queryRaw<{ seq: unknown; actionId: string }[]>`
      SELECT "seq", "actionId" FROM "AuditEvent" WHERE "seq" > ${top - LATE_COMMIT_WINDOW} AND "actionId" IS NOT NULL`;
    const changed = new Set<string>();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seen.has(seq)) continue;
      seen.add(seq);
      top = Math.max(top, seq);
      // The first read only learns what was there when watching began.
      if (seq > known) changed.add(row.actionId);
    }
    forgetBelowWindow();
    if (changed.size > 0 && !stopped) broadcast(changed);
  }

  async function readOnce() {
    try {
      await readAuditLog();
    } catch (error) {
      // A database hiccup must not end the watch; the next poll (or catch-up) tries again.
      logger().error({ err: error }, 'reading the audit log for action changes failed');
    }
  }

  /** Polls while other instances cannot be heard; stops by itself once they can. */
  async function poll() {
    timer = undefined;
    polling = true;
    await readOnce();
    polling = false;
    if (!stopped && !hearingOtherInstances()) timer = setTimeout(() => void poll(), fallbackPollMs(POLL_MS));
  }

  const unsubscribeOthers = onOtherInstances({
    notice: heard,
    // Back: one read catches up what was committed while nothing was heard (the poll then ends itself).
    connected: () => void readOnce(),
    // Lost: poll from the next interval on (what was committed since the drop is read then, or caught up at return).
    disconnected: () => {
      if (!timer && !polling && !stopped) timer = setTimeout(() => void poll(), fallbackPollMs(POLL_MS));
    },
  });
  // The first read learns where the log is (so a later drop of the connection knows where to catch up from), and
  // starts the poll if nothing can be heard.
  void poll();

  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
    unsubscribeOthers();
  };
}

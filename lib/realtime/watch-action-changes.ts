import { db } from '../db/client';
import { onAnyActionChange } from './action-changes';

/** How often one process looks for changes other app instances made, while someone is watching. */
const POLL_MS = 500;
/**
 * Sequence numbers are taken when an INSERT runs but become visible at COMMIT, so on PostgreSQL event 11 can appear
 * before event 10. The marker counts the events in a window below the newest one: a late commit inside it changes
 * the count even when the maximum does not move. Transactions are short; a window of 1000 events is plenty.
 */
const LATE_COMMIT_WINDOW = 1000;

type Listener = () => void;
const globalForWatch = globalThis as unknown as { wardenActionWatch?: { listeners: Set<Listener>; stop?: () => void } };
const watch = (globalForWatch.wardenActionWatch ??= { listeners: new Set() });

/**
 * Calls `listener` whenever any action is created or changes state, in this instance (at once, through the
 * in-process emitter) or in another app instance on the same database (within ~0.5 s, by polling a cheap marker over
 * the audit log: every change of an action writes an audit event in its transaction). One poller per process, running
 * only while somebody listens. Calls may be spurious or coalesced; listeners re-read what they show. Returns the
 * unsubscribe.
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

function broadcast(): void {
  for (const listener of [...watch.listeners]) {
    try {
      listener();
    } catch (error) {
      console.error('A watcher of action changes failed', error);
    }
  }
}

function startWatching(): () => void {
  const unsubscribe = onAnyActionChange(broadcast);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let floor: number | undefined;
  let last: { floor: number; top: number; n: number } | undefined;

  async function poll() {
    try {
      if (floor === undefined) {
        const [row] = await db().$queryRaw<{ top: unknown }[]>`SELECT MAX("seq") AS "top" FROM "AuditEvent"`;
        floor = Number(row?.top ?? 0) - LATE_COMMIT_WINDOW;
      }
      const [row] = await db().$queryRaw<{ top: unknown; n: unknown }[]>`
        SELECT MAX("seq") AS "top", COUNT(*) AS "n" FROM "AuditEvent" WHERE "seq" > ${floor} AND "actionId" IS NOT NULL`;
      const now = { floor, top: Number(row?.top ?? 0), n: Number(row?.n ?? 0) };
      // A count is comparable only over the same window; the window moves rarely (every LATE_COMMIT_WINDOW events).
      const changed = last !== undefined && (now.top !== last.top || (now.floor === last.floor && now.n !== last.n));
      if (changed && !stopped) broadcast();
      last = now;
      if (now.top - floor > 2 * LATE_COMMIT_WINDOW) floor = now.top - LATE_COMMIT_WINDOW;
    } catch (error) {
      // A database hiccup must not end the watch; the next poll tries again.
      console.error('Polling for action changes failed', error);
    }
    if (!stopped) timer = setTimeout(poll, POLL_MS);
  }
  void poll();

  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}

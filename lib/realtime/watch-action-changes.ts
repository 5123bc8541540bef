import { db } from '../db/client';
import { onAnyActionChange } from './action-changes';
import { logger } from '../logging/logger';

/** How often one process looks for changes other app instances made, while someone is watching. */
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
 * emitter) or in another app instance on the same database (within ~0.5 s, read from the audit log: every change of
 * an action writes an audit event in its transaction). One poller per process, running only while somebody listens.
 * An id may be reported twice (here, then by the poll); listeners re-read what they show. Returns the unsubscribe.
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
  let top: number | undefined;
  /** Sequence numbers already reported, within the window below `top`. */
  const seen = new Set<number>();

  async function poll() {
    try {
      let known = -Infinity;
      if (top === undefined) {
        const [row] = await db().$queryRaw<{ top: unknown }[]>`SELECT MAX("seq") AS "top" FROM "AuditEvent"`;
        top = known = Number(row?.top ?? 0);
      }
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
      for (const seq of seen) if (seq <= top - LATE_COMMIT_WINDOW) seen.delete(seq);
      if (changed.size > 0 && !stopped) broadcast(changed);
    } catch (error) {
      // A database hiccup must not end the watch; the next poll tries again.
      logger().error({ err: error }, 'polling for action changes failed');
    }
    if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
  }
  void poll();

  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}

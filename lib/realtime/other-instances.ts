import { engine } from '../db/client';
import type { ChangeFeed, ChangeFeedListener } from '../db/engine';
import { env } from '../env';
import { wakeAllWaiters, wakeWaitersOn } from './action-changes';

/**
 * What other app instances commit, heard as it commits: on PostgreSQL the audit append notifies (pg_notify in the
 * change's transaction, lib/audit/record-audit-event.ts) and one connection per process listens
 * (lib/db/postgres/notify-listener.ts). Waiters on an action are woken by its notices; watchers of every action
 * subscribe here. While nothing is heard (SQLite, or the connection down) they poll instead (`fallbackPollMs`); when
 * it comes back every waiter reads once more, so nothing committed meanwhile is missed.
 */
type Hub = { feed: ChangeFeed | null; unsubscribe: (() => void) | null; listeners: Set<ChangeFeedListener> };
const globalForHub = globalThis as unknown as { wardenOtherInstances?: Hub };
const hub = (globalForHub.wardenOtherInstances ??= { feed: null, unsubscribe: null, listeners: new Set() });

/** Starts listening (once per process and database; a no-op where the engine cannot hear other processes). */
export function listenToOtherInstances(): void {
  const feed = engine().changeFeed?.() ?? null;
  if (hub.feed === feed) return;
  hub.unsubscribe?.();
  hub.feed = feed;
  hub.unsubscribe =
    feed?.subscribe({
      notice(notice) {
        if (notice.actionId) wakeWaitersOn(notice.actionId);
        for (const listener of [...hub.listeners]) listener.notice(notice);
      },
      connected() {
        wakeAllWaiters();
        for (const listener of [...hub.listeners]) listener.connected();
      },
      disconnected() {
        wakeAllWaiters();
        for (const listener of [...hub.listeners]) listener.disconnected();
      },
    }) ?? null;
}

/** Whether other instances' changes are heard now (else waiters poll). */
export function hearingOtherInstances(): boolean {
  listenToOtherInstances();
  return hub.feed?.listening ?? false;
}

/** Every notice, and the connection's comings and goings. Returns the unsubscribe. */
export function onOtherInstances(listener: ChangeFeedListener): () => void {
  listenToOtherInstances();
  hub.listeners.add(listener);
  return () => hub.listeners.delete(listener);
}

/**
 * How long a waiter may go without reading the database again: unbounded while other instances are heard, else the
 * fallback poll's interval (`WARDEN_FALLBACK_POLL_MS`, or the caller's default).
 */
export function rereadAfterMs(defaultMs: number): number {
  return hearingOtherInstances() ? Infinity : fallbackPollMs(defaultMs);
}

export function fallbackPollMs(defaultMs: number): number {
  return env().WARDEN_FALLBACK_POLL_MS ?? defaultMs;
}

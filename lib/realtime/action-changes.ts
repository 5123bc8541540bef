import { EventEmitter } from 'node:events';

/**
 * In-process wake-ups for long-polls: a change made by this instance wakes its waiters at once. Other instances
 * (several app servers on one PostgreSQL) are caught by the waiter's periodic re-read of the database.
 */
const globalForChanges = globalThis as unknown as { wardenActionChanges?: EventEmitter };
const emitter = (globalForChanges.wardenActionChanges ??= new EventEmitter().setMaxListeners(0));

/** The channel every change is also announced on, for watchers of the whole queue (lib/realtime/watch-action-changes.ts). */
const ANY_ACTION = Symbol('any action');

export function notifyActionChanged(actionId: string): void {
  emitter.emit(actionId);
  emitter.emit(ANY_ACTION, actionId);
}

/** Calls `listener` on every change this instance makes to any action; returns the unsubscribe. */
export function onAnyActionChange(listener: (actionId: string) => void): () => void {
  emitter.on(ANY_ACTION, listener);
  return () => emitter.off(ANY_ACTION, listener);
}

/** Resolves when the action changes here, or after `ms`, whichever comes first. */
export function nextActionChange(actionId: string, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      emitter.off(actionId, done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    emitter.on(actionId, done);
    signal?.addEventListener('abort', done);
  });
}

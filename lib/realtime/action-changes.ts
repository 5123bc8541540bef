import { EventEmitter } from 'node:events';

/**
 * In-process wake-ups for long-polls: a change made by this instance wakes its waiters at once. Other instances
 * (several app servers on one PostgreSQL) are caught by the waiter's periodic re-read of the database.
 */
const globalForChanges = globalThis as unknown as { wardenActionChanges?: EventEmitter };
const emitter = (globalForChanges.wardenActionChanges ??= new EventEmitter().setMaxListeners(0));

export function notifyActionChanged(actionId: string): void {
  emitter.emit(actionId);
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

import { EventEmitter } from 'node:events';

/**
 * In-process wake-ups: a change made by this instance wakes its waiters at once. Changes made by other instances (several
 * app servers on one PostgreSQL) wake them through lib/realtime/other-instances.ts (LISTEN/NOTIFY), or, where nothing
 * can be heard (SQLite, or the notification connection down), by the waiter's periodic re-read of the database.
 */
const globalForChanges = globalThis as unknown as { wardenActionChanges?: EventEmitter };
const emitter = (globalForChanges.wardenActionChanges ??= new EventEmitter().setMaxListeners(0));

/** The channel every change is also announced on, for watchers of the whole queue (lib/realtime/watch-action-changes.ts). */
const ANY_ACTION = Symbol('any action');
/** "Anything may have changed": the notification connection came or went; every waiter reads again. */
const EVERYTHING = Symbol('everything');

export function notifyActionChanged(actionId: string): void {
  emitter.emit(actionId);
  emitter.emit(ANY_ACTION, actionId);
}

/** Another instance changed the action: wakes the waiters on it (the watchers of all actions hear it themselves). */
export function wakeWaitersOn(actionId: string): void {
  emitter.emit(actionId);
}

/** Wakes every waiter, to read again (after the notification connection came back, or went). */
export function wakeAllWaiters(): void {
  emitter.emit(EVERYTHING);
}

/** Calls `listener` on every change this instance makes to any action; returns the unsubscribe. */
export function onAnyActionChange(listener: (actionId: string) => void): () => void {
  emitter.on(ANY_ACTION, listener);
  return () => emitter.off(ANY_ACTION, listener);
}

export type ActionChanges = {
  /**
   * Resolves at the first change of the action since the waiter was made or `next` last resolved (at once if one
   * happened meanwhile: nothing falls between a read and the wait after it), or after `ms`, or on `signal`.
   */
  next(ms: number, signal?: AbortSignal): Promise<void>;
  close(): void;
};

/** Hears changes of one action (made here or, on PostgreSQL, by any instance) from now until `close`. */
export function actionChanges(actionId: string): ActionChanges {
  let changed = false;
  let wake: (() => void) | null = null;
  const onChange = () => {
    changed = true;
    wake?.();
  };
  emitter.on(actionId, onChange);
  emitter.on(EVERYTHING, onChange);
  return {
    next(ms, signal) {
      return new Promise((resolve) => {
        let timer: NodeJS.Timeout | null = null;
        const done = () => {
          if (timer) clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          wake = null;
          changed = false;
          resolve();
        };
        if (changed || signal?.aborted) return done();
        // No timer for an unbounded wait (setTimeout would read Infinity as 1 ms).
        if (Number.isFinite(ms)) timer = setTimeout(done, ms);
        wake = done;
        signal?.addEventListener('abort', done);
      });
    },
    close() {
      emitter.off(actionId, onChange);
      emitter.off(EVERYTHING, onChange);
      wake?.();
    },
  };
}

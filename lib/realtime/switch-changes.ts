import { EventEmitter } from 'node:events';
import { onOtherInstances } from './other-instances';

/**
 * Wake-ups for waiters on the switches (the stop banner's long-poll): any process's switch change is heard through its
 * audit event's notice on PostgreSQL, this process's own included (the listener hears every commit). Where nothing is
 * heard (SQLite, the connection down) waiters re-read on a timer, as before.
 */
const globalForSwitches = globalThis as unknown as {
  wardenSwitchChanges?: { emitter: EventEmitter; listening: boolean };
};
const state = (globalForSwitches.wardenSwitchChanges ??= {
  emitter: new EventEmitter().setMaxListeners(0),
  listening: false,
});
const CHANGED = 'changed';

function listen(): void {
  if (state.listening) return;
  state.listening = true;
  const wake = () => state.emitter.emit(CHANGED);
  onOtherInstances({
    notice: (notice) => {
      if (notice.type.startsWith('switch.')) wake();
    },
    connected: wake,
    disconnected: wake,
  });
}

/** Resolves at the next switch change heard (or the connection coming or going), after `ms`, or on `signal`. */
export function nextSwitchChange(ms: number, signal?: AbortSignal): Promise<void> {
  listen();
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | null = null;
    const done = () => {
      if (timer) clearTimeout(timer);
      state.emitter.off(CHANGED, done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    if (signal?.aborted) return done();
    if (Number.isFinite(ms)) timer = setTimeout(done, ms);
    state.emitter.on(CHANGED, done);
    signal?.addEventListener('abort', done);
  });
}

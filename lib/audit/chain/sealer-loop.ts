import { onAnyActionChange } from '../../realtime/action-changes';
import { sealAuditEvents } from './seal-audit-events';

/** How often an idle sealer looks for unsealed events (one indexed read); an action change here wakes it sooner. */
const POLL_MS = 250;
const AFTER_CHANGE_MS = 20;

type Sealer = {
  owner: string;
  running: Promise<void> | null;
  again: boolean;
  timer: NodeJS.Timeout | null;
  stop: (() => void) | null;
};
const globalForSealer = globalThis as unknown as { wardenSealer?: Sealer };

/**
 * Seals at most one pass at a time in this process; a request during a pass runs one more pass after it, so nothing
 * committed before a request is left waiting for the next poll. Called by the sealer's own loop and by the
 * background worker's step (the backstop).
 */
export function sealSoon(owner: string): Promise<void> {
  const sealer = (globalForSealer.wardenSealer ??= { owner, running: null, again: false, timer: null, stop: null });
  if (sealer.running) {
    sealer.again = true;
    return sealer.running;
  }
  sealer.running = (async () => {
    try {
      do {
        sealer.again = false;
        await sealAuditEvents(owner);
      } while (sealer.again);
    } finally {
      sealer.running = null;
    }
  })();
  return sealer.running;
}

/**
 * Runs right after commits: a change announced in this process (lib/realtime/action-changes.ts) wakes the sealer within
 * milliseconds, and a short poll catches the rest (the gate's writes, other instances' events), so events are
 * sealed well within a second. Failures are left to `onError` (the worker logs them at most once a minute).
 */
export function startAuditSealer(owner: string, onError: (error: unknown) => void): () => void {
  const sealer = (globalForSealer.wardenSealer ??= { owner, running: null, again: false, timer: null, stop: null });
  if (sealer.stop) return sealer.stop;
  let stopped = false;
  let woken: NodeJS.Timeout | null = null;
  const run = () => sealSoon(owner).catch(onError);
  const poll = () => {
    if (stopped) return;
    sealer.timer = setTimeout(() => void run().finally(poll), POLL_MS);
    sealer.timer.unref();
  };
  const unsubscribe = onAnyActionChange(() => {
    if (woken || stopped) return;
    woken = setTimeout(() => {
      woken = null;
      void run();
    }, AFTER_CHANGE_MS);
    woken.unref();
  });
  poll();
  sealer.stop = () => {
    stopped = true;
    unsubscribe();
    if (sealer.timer) clearTimeout(sealer.timer);
    if (woken) clearTimeout(woken);
    sealer.stop = null;
  };
  return sealer.stop;
}

/** Stops the sealer's loop and waits for a pass in progress (each batch is one transaction either way). */
export async function stopAuditSealer(): Promise<void> {
  const sealer = globalForSealer.wardenSealer;
  sealer?.stop?.();
  await sealer?.running;
}

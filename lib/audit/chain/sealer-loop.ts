import { onAnyActionChange } from '../../realtime/action-changes';
import { sealAuditEvents } from './seal-audit-events';

/** How often an idle sealer looks for unsealed events (one indexed read); an action change here wakes it sooner. */
const POLL_MS = 250;
const AFTER_CHANGE_MS = 20;
/**
 * Passes woken by changes start at least this far apart. A pass has a fixed cost (about a dozen statements, a
 * signature, the write lock for its transaction) and little per event; under load, passes run back to back, each
 * sealing the few events of the last one, and that fixed cost was paid ~50 times a second on the server's thread
 * (measured in docs/BENCHMARKS.md). Spaced out, a pass seals a fifth of a second's events at once, still well
 * within a second of their commit.
 */
const MIN_GAP_MS = 200;

type Sealer = {
  owner: string;
  running: Promise<void> | null;
  again: boolean;
  timer: NodeJS.Timeout | null;
  stop: (() => void) | null;
  /** When the last pass started (ms since the epoch). */
  lastStart: number;
};
const globalForSealer = globalThis as unknown as { wardenSealer?: Sealer };

/**
 * Seals at most one pass at a time in this process; a request during a pass runs one more pass after it, so nothing
 * committed before a request is left waiting for the next poll. Called by the sealer's own loop and by the
 * background worker's step (the backstop).
 */
export function sealSoon(owner: string): Promise<void> {
  const sealer = sealerOf(owner);
  if (sealer.running) {
    sealer.again = true;
    return sealer.running;
  }
  sealer.running = (async () => {
    try {
      let first = true;
      do {
        sealer.again = false;
        // The pass asked for during another waits for the gap: that is where passes would otherwise run back to back.
        if (!first) await pause(sealer.lastStart + MIN_GAP_MS - Date.now());
        first = false;
        sealer.lastStart = Date.now();
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
  const sealer = sealerOf(owner);
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
    woken = setTimeout(
      () => {
        woken = null;
        void run();
      },
      Math.max(AFTER_CHANGE_MS, sealer.lastStart + MIN_GAP_MS - Date.now()),
    );
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

function sealerOf(owner: string): Sealer {
  return (globalForSealer.wardenSealer ??= {
    owner,
    running: null,
    again: false,
    timer: null,
    stop: null,
    lastStart: 0,
  });
}

function pause(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

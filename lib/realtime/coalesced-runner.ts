import { logger } from '../logging/logger';
/** Changes arriving this close together (a batch decision, a burst of proposals) make one run. */
export const COALESCE_MS = 100;

export type CoalescedRunner = {
  /** Ask for a run: after `wait` ms if given, else after COALESCE_MS and no sooner than `gapMs` after the last start. */
  request: (wait?: number) => void;
  /** No run starts after this (one in progress finishes). */
  stop: () => void;
};

/**
 * Runs `work` after requests, one run at a time, runs starting at least `gapMs` apart: requests during a run or a
 * gap fold into the next run, so a watcher reads the database at most once per burst of changes, however many
 * changes the burst holds. A failing run is logged under `what`; the next request runs it again.
 */
export function coalescedRunner(what: string, gapMs: number, work: () => Promise<void>): CoalescedRunner {
  let running = false;
  let wanted = false;
  let stopped = false;
  let lastStart = -Infinity;
  let timer: NodeJS.Timeout | undefined;

  async function run() {
    timer = undefined;
    running = true;
    wanted = false;
    lastStart = Date.now();
    try {
      await work();
    } catch (error) {
      logger().error({ err: error }, `${what} failed`);
    } finally {
      running = false;
      if (wanted && !stopped) request();
    }
  }
  function request(wait?: number) {
    wanted = true;
    if (running || timer || stopped) return;
    timer = setTimeout(() => void run(), wait ?? Math.max(COALESCE_MS, gapMs - (Date.now() - lastStart)));
  }
  return {
    request,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

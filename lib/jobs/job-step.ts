import type { WorkerSettings } from '../notifications/worker-settings';

/** What every step of one tick knows: who runs it (for leases) and the loop's settings. */
export type JobTick = { owner: string; settings: WorkerSettings };

/**
 * One step of the background loop. Each is safe to run in several processes at once (compare-and-set, and the
 * WorkerCursor leases where a step has one), and each is one file in lib/jobs/.
 */
export type JobStep = { name: string; run: (tick: JobTick) => Promise<unknown> };

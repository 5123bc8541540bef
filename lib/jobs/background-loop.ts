import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { chainSettings } from '../audit/chain/chain-settings';
import { recordChainDisabled } from '../audit/chain/record-chain-disabled';
import { startAuditSealer, stopAuditSealer } from '../audit/chain/sealer-loop';
import { workerSettings } from '../notifications/worker-settings';
import { listenToOtherInstances } from '../realtime/other-instances';
import { logJobFailure } from './log-job-failure';
import { runJobsOnce } from './run-jobs-once';

/**
 * The background loop of one server process (started by instrumentation.ts): expire what passed its review deadline,
 * reassess stale risk, take due escalation steps, turn new audit events into deliveries, send what is due, back up
 * the sealer (lib/jobs/job-steps.ts). The only writer of what time alone changes: reads never write. Every step is
 * safe to run in several processes at once (compare-and-set and leases), so each app instance runs its own loop; on
 * PostgreSQL each step runs in one instance at a time (an advisory lock per step, lib/jobs/run-jobs-once.ts). A
 * failing step is logged and the loop goes on: the worker never takes the server down. Runs are chained (the next
 * starts an interval after the previous ended), so runs never overlap in one process.
 */
type Worker = { timer: NodeJS.Timeout | null; running: Promise<unknown> | null; stopped: boolean };
const globalForWorker = globalThis as unknown as { wardenWorker?: Worker };

export function startBackgroundLoop(): void {
  const settings = workerSettings();
  if (globalForWorker.wardenWorker) return;
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  // Other instances' changes heard from the start (PostgreSQL), so the first long-poll need not poll.
  listenToOtherInstances();
  // The audit sealer runs beside the loop (within a second of each commit); this process not sealing is itself audited.
  if (settings.disabled || !chainSettings().sealerEnabled)
    void recordChainDisabled(owner).catch((error: unknown) => logJobFailure('audit chain disabled', error));
  else startAuditSealer(owner, (error) => logJobFailure('audit sealing', error));
  if (settings.disabled) return;
  const worker: Worker = { timer: null, running: null, stopped: false };
  globalForWorker.wardenWorker = worker;

  const schedule = () => {
    if (worker.stopped) return;
    worker.timer = setTimeout(() => {
      worker.running = runJobsOnce(owner).finally(() => {
        worker.running = null;
        schedule();
      });
    }, settings.intervalMs);
    worker.timer.unref(); // never what keeps the process alive
  };
  schedule();
  // Next exits on these itself (unless NEXT_MANUAL_SIG_HANDLE); this only lets a run in progress stop first.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stopBackgroundLoop());
}

/** Stops the loop and waits for a run in progress to finish (its writes are each one transaction either way). */
export async function stopBackgroundLoop(): Promise<void> {
  await stopAuditSealer();
  const worker = globalForWorker.wardenWorker;
  if (!worker) return;
  worker.stopped = true;
  if (worker.timer) clearTimeout(worker.timer);
  await worker.running;
  globalForWorker.wardenWorker = undefined;
}

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { escalateOverdueActions } from '../actions/escalate-by-ladder';
import { expireOverdueActions } from '../actions/expire-action';
import { reassessPendingRisk } from '../actions/reassess-pending-risk';
import { chainSettings } from '../audit/chain/chain-settings';
import { verifyAuditChainIfDue } from '../audit/chain/record-audit-verification';
import { recordChainDisabled } from '../audit/chain/record-chain-disabled';
import { sealSoon, startAuditSealer, stopAuditSealer } from '../audit/chain/sealer-loop';
import { deliverDueNotifications } from './deliver-due-notifications';
import { fanOutNotifications } from './fan-out-notifications';
import { workerSettings } from './worker-settings';

/**
 * The background loop of one server process: expire what passed its review deadline, take due escalation steps, turn new audit events into deliveries, send
 * what is due. Every step is safe to run in several processes at once (compare-and-set and leases), so each app
 * instance runs its own loop. A failing step is logged and the loop goes on: the worker never takes the server down.
 * Runs are chained (the next starts an interval after the previous ended), so runs never overlap in one process.
 */
type Worker = { timer: NodeJS.Timeout | null; running: Promise<void> | null; stopped: boolean };
const globalForWorker = globalThis as unknown as { wardenWorker?: Worker };

export function startBackgroundWorker(): void {
  const settings = workerSettings();
  if (globalForWorker.wardenWorker) return;
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  // The audit sealer runs beside the loop (within a second of each commit); this process not sealing is itself audited.
  if (settings.disabled || !chainSettings().sealerEnabled) void step('audit chain disabled', () => recordChainDisabled(owner));
  else startAuditSealer(owner, (error) => logFailure('audit sealing', error));
  if (settings.disabled) return;
  const worker: Worker = { timer: null, running: null, stopped: false };
  globalForWorker.wardenWorker = worker;

  const schedule = () => {
    if (worker.stopped) return;
    worker.timer = setTimeout(() => {
      worker.running = runOnce(owner).finally(() => {
        worker.running = null;
        schedule();
      });
    }, settings.intervalMs);
    worker.timer.unref(); // never what keeps the process alive
  };
  schedule();
  // Next exits on these itself (unless NEXT_MANUAL_SIG_HANDLE); this only lets a run in progress stop first.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stopBackgroundWorker());
}

/** Stops the loop and waits for a run in progress to finish (its writes are each one transaction either way). */
export async function stopBackgroundWorker(): Promise<void> {
  await stopAuditSealer();
  const worker = globalForWorker.wardenWorker;
  if (!worker) return;
  worker.stopped = true;
  if (worker.timer) clearTimeout(worker.timer);
  await worker.running;
  globalForWorker.wardenWorker = undefined;
}

/** One pass. Exported for tests and the CLI; each step's failure is contained. */
export async function runOnce(owner: string): Promise<void> {
  const settings = workerSettings();
  await step('review deadlines', () => expireOverdueActions());
  await step('risk of older pending actions', () => reassessPendingRisk());
  await step('escalation ladder', () => escalateOverdueActions());
  await step('notification fan-out', () => fanOutNotifications(owner, { baseUrl: settings.publicBaseUrl, gapGraceMs: settings.gapGraceMs }));
  await step('notification delivery', () => deliverDueNotifications({ retry: settings.retry, timeoutMs: settings.timeoutMs }));
  const chain = chainSettings();
  if (chain.sealerEnabled) await step('audit sealing', () => sealSoon(owner)); // the backstop of the sealer's own loop
  await step('audit verification', () => verifyAuditChainIfDue(chain.verifyMs));
}

const lastLogged = new Map<string, number>();

async function step(name: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    logFailure(name, error);
  }
}

/** At most one line a minute per step: a database outage must not flood the log at the loop's pace. */
function logFailure(name: string, error: unknown): void {
  const now = Date.now();
  if (now - (lastLogged.get(name) ?? 0) < 60_000) return;
  lastLogged.set(name, now);
  console.error(`[warden worker] ${name} failed; will retry:`, error instanceof Error ? error.message : error);
}

import { engine } from '../db/client';
import { inTransaction, sql } from '../db/sql-runner';
import { workerSettings } from '../notifications/worker-settings';
import type { JobStep, JobTick } from './job-step';
import { JOB_STEPS } from './job-steps';
import { logJobFailure } from './log-job-failure';

/**
 * One tick of the background loop: every step in order (lib/jobs/job-steps.ts). A failing step is logged and the
 * tick goes on, so one broken step never starves the others. Exported for tests and the CLI. Returns the names of the
 * steps another instance held (skipped this tick).
 */
export async function runJobsOnce(owner: string): Promise<string[]> {
  const tick = { owner, settings: workerSettings() };
  const skipped: string[] = [];
  for (const step of JOB_STEPS) {
    try {
      if (!(await runStepAlone(step, tick))) skipped.push(step.name);
    } catch (error) {
      logJobFailure(step.name, error);
    }
  }
  return skipped;
}

/**
 * On PostgreSQL several app instances run the loop on one database: each step runs in one instance at a time, under
 * a transaction-scoped advisory lock (named after the step) held for the step's run; an instance that finds it held
 * skips the step this tick (the holder is doing it). The lock goes with its transaction, so an instance that dies
 * mid-step frees it. The steps stay safe to run twice (compare-and-set, leases); the lock spares the duplicate work.
 * SQLite serves one server process: the step just runs. Returns whether it ran.
 */
async function runStepAlone(step: JobStep, tick: JobTick): Promise<boolean> {
  if (engine().dialect !== 'postgresql') {
    await step.run(tick);
    return true;
  }
  return inTransaction(async (runner) => {
    const [row] = await runner.query<{ held: boolean }>(
      sql`SELECT pg_try_advisory_xact_lock(hashtext(${`warden job: ${step.name}`})) AS "held"`,
    );
    if (!row?.held) return false;
    await step.run(tick);
    return true;
  });
}

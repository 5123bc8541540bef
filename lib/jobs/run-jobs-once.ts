import { workerSettings } from '../notifications/worker-settings';
import { JOB_STEPS } from './job-steps';
import { logJobFailure } from './log-job-failure';

/**
 * One tick of the background loop: every step in order (lib/jobs/job-steps.ts). A failing step is logged and the
 * tick goes on, so one broken step never starves the others. Exported for tests and the CLI.
 */
export async function runJobsOnce(owner: string): Promise<void> {
  const tick = { owner, settings: workerSettings() };
  for (const step of JOB_STEPS) {
    try {
      await step.run(tick);
    } catch (error) {
      logJobFailure(step.name, error);
    }
  }
}

import type { Tx } from '../db/client';
import { readEngagedStops } from '../kill-switches/read-engaged-stops';
import { effectiveStatus } from '../policy/effective-status';
import { isDeadlineFrozen, type CoveredWork } from '../policy/stop-coverage';
import { prismaRunner } from '../db/sql-runner';

/**
 * The status a read shows (lib/policy/effective-status.ts), with whether a stop freezes its deadline. Writes nothing:
 * the expiry is committed by the background job (lib/jobs/expire-overdue-actions.ts). The engaged switches are read
 * only for an action past its deadline (they are few, and most reads are of actions that are not).
 */
export async function readEffectiveStatus(
  reader: Tx,
  action: CoveredWork & { status: string },
  now = Date.now(),
): Promise<{ status: string; frozen: boolean }> {
  const overdue = action.status === 'pending_review' && action.expiresAt !== null && action.expiresAt.getTime() <= now;
  const frozen = overdue && isDeadlineFrozen(await readEngagedStops(prismaRunner(reader), action.agentId), action);
  return { status: effectiveStatus(action, now, frozen), frozen };
}

import type { Tx } from '../db/client';
import { readEngagedStops } from '../kill-switches/read-engaged-stops';
import { effectiveStatus } from '../policy/effective-status';
import { isDeadlineFrozen, type CoveredWork } from '../policy/stop-coverage';
import { prismaRunner } from '../db/sql-runner';

/**
 * The status each row of a list shows (lib/policy/effective-status.ts), in order. Writes nothing; reads the engaged
 * switches once, and only when a row is past its deadline.
 */
export async function readEffectiveStatuses(
  reader: Tx,
  rows: readonly (CoveredWork & { status: string })[],
  now = Date.now(),
): Promise<string[]> {
  const overdue = rows.some(
    (row) => row.status === 'pending_review' && row.expiresAt !== null && row.expiresAt.getTime() <= now,
  );
  const stops = overdue ? await readEngagedStops(prismaRunner(reader)) : [];
  return rows.map((row) => effectiveStatus(row, now, isDeadlineFrozen(stops, row)));
}

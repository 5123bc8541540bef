import { expireIfOverdue } from '../actions/expire-action';
import { db } from '../db/client';
import { rawDate, rawText } from '../db/raw-values';
import { Prisma } from '../generated/sqlite/client';
import { coveredByStop } from '../kill-switches/stop-coverage-sql';
import { recordExpiries } from '../metrics/record-background-changes';
import { notifyActionChanged } from '../realtime/action-changes';
import type { JobStep } from './job-step';

/**
 * Expires overdue pending actions, a batch at a time: the only place an expiry is committed without a person acting
 * on the action — never a read. Until it runs, reads show such an action as expired already
 * (lib/policy/effective-status.ts), and no decision can approve it (each decision expires it first). Actions frozen
 * by a stop are passed by (in SQL, so a long stop over many waiting actions costs the loop nothing per tick).
 */
export async function expireOverdueActions(limit = 500): Promise<number> {
  const now = new Date();
  const rows = await db().$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT a."id", a."agentId", a."expiresAt" FROM "Action" a
    WHERE a."status" = 'pending_review' AND a."expiresAt" <= ${now} AND NOT ${coveredByStop()}
    LIMIT ${limit}`);
  let expired = 0;
  for (const row of rows) {
    const action = {
      id: rawText(row.id)!,
      agentId: rawText(row.agentId)!,
      status: 'pending_review',
      expiresAt: rawDate(row.expiresAt),
    };
    if (await db().$transaction((tx) => expireIfOverdue(tx, action, now))) {
      expired += 1;
      notifyActionChanged(action.id);
    }
  }
  return expired;
}

export const expireOverdueActionsStep: JobStep = {
  name: 'review deadlines',
  run: async () => {
    const expired = await expireOverdueActions();
    recordExpiries(expired);
    return expired;
  },
};

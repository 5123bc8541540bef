import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { expiryReason } from '../policy/effective-status';
import { actionChanges, type ActionChanges } from '../realtime/action-changes';
import { rereadAfterMs } from '../realtime/other-instances';
import { toActionView, type ActionView } from './action-view';
import { readEffectiveStatus } from './read-effective-status';

/** How often a long-poll re-reads the database when other app instances' decisions cannot be heard (SQLite). */
const REREAD_MS = 1000;

/**
 * An agent reads one of its own actions; another agent's id is indistinguishable from a missing one (404).
 * With `waitSeconds`, the call holds while the action is pending review, returning as soon as it is decided
 * or expires.
 */
export async function getAgentAction(
  actor: Actor,
  input: { actionId: string; waitSeconds?: number; signal?: AbortSignal },
): Promise<ActionView> {
  assertCan(actor, 'actions.read_own');
  const deadline = Date.now() + (input.waitSeconds ?? 0) * 1000;
  // Listening from before the first read: a decision committed between a read and the wait still wakes it.
  const changes = actionChanges(input.actionId);
  try {
    return await readUntilDecided(actor, input, deadline, changes);
  } finally {
    changes.close();
  }
}

async function readUntilDecided(
  actor: Actor,
  input: { actionId: string; signal?: AbortSignal },
  deadline: number,
  changes: ActionChanges,
): Promise<ActionView> {
  for (;;) {
    const action = await db().action.findFirst({
      where: { id: input.actionId, agentId: actor.id },
      include: { reviewer: { select: { id: true, email: true, name: true } } },
    });
    if (!action) throw new WardenError('not_found', 'No such action.');
    // At its review deadline a pending action is expired, and the waiting agent is answered at once; reading writes
    // nothing: the background job commits the expiry (its audit event, the notifications) within a tick.
    // Past its deadline but frozen by a stop, it is still waiting (read only then: engaged switches are few).
    const { status, frozen } = await readEffectiveStatus(db(), action);
    const remaining = deadline - Date.now();
    if (status !== 'pending_review' || remaining <= 0 || input.signal?.aborted) {
      if (status === action.status) return toActionView(action);
      return toActionView({ ...action, status, decisionReason: expiryReason(action.expiresAt!) });
    }
    const untilExpiry = action.expiresAt && !frozen ? Math.max(action.expiresAt.getTime() - Date.now(), 0) : Infinity;
    await changes.next(Math.min(remaining, rereadAfterMs(REREAD_MS), untilExpiry), input.signal);
  }
}

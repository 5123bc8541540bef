import { assertCan, isAdmin, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { pickNextPendingAction } from '../policy/next-pending-action';
import { readEffectiveStatuses } from './read-effective-statuses';

/** How far down the queue to look; a queue longer than this is an incident (the queue itself reads at most 1000). */
const MAX_CANDIDATES = 1000;

/**
 * After a decision on the card, the pending action this reviewer should open next, or null when nothing else waits
 * for them. One query (pending, not the decided one, not already approved by them, in queue order), then the pure
 * rule (lib/policy/next-pending-action.ts: next one down, then wrap; separation of duties). Group routing is left
 * to the card, which says who is asked. Reads only.
 */
export async function findNextPendingAction(
  actor: Actor,
  input: { after: { id: string; createdAt: Date } },
): Promise<{ id: string } | null> {
  assertCan(actor, 'actions.read');
  if (actor.type !== 'user') return null;
  const rows = await db().action.findMany({
    where: { status: 'pending_review', id: { not: input.after.id }, approvals: { none: { reviewerId: actor.id } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: MAX_CANDIDATES,
    select: {
      id: true,
      createdAt: true,
      requester: true,
      toolId: true,
      agentId: true,
      toolName: true,
      expiresAt: true,
      status: true,
      agent: { select: { ownerId: true, grants: { where: { ownerMayApprove: true }, select: { toolId: true } } } },
    },
  });
  // Past its deadline (and not frozen by a stop) an action reads expired: not one to open next.
  const statuses = await readEffectiveStatuses(db(), rows);
  const candidates = rows
    .filter((_, i) => statuses[i] === 'pending_review')
    .map((row) => ({
      id: row.id,
      createdAt: row.createdAt,
      requester: row.requester,
      agentOwnerId: row.agent.ownerId,
      ownerMayApprove: row.agent.grants.some((grant) => grant.toolId === row.toolId),
    }));
  const id = pickNextPendingAction(candidates, input.after, {
    id: actor.id,
    email: actor.email,
    isAdmin: isAdmin(actor),
  });
  return id ? { id } : null;
}

import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db/client';
import { WardenError } from '../errors';
import { notifyActionChanged } from '../realtime/action-changes';
import { decisionSchema, type DecisionInput } from './schemas';
import { transitionAction } from './transition-action';

export type ReviewDecision = 'approved' | 'rejected';

/**
 * pending_review → approved / rejected by a person. One compare-and-set with its audit event: of two reviewers
 * clicking at once, exactly one decides; the other is told who decided first and when.
 */
export async function decidePendingAction(actor: Actor, input: DecisionInput, decision: ReviewDecision): Promise<void> {
  assertCan(actor, 'actions.decide');
  if (actor.type !== 'user') throw new WardenError('forbidden', 'Only a signed-in reviewer can decide actions.');
  const { actionId, comment } = decisionSchema.parse(input);

  await db().$transaction(async (tx) => {
    const action = await tx.action.findUnique({ where: { id: actionId }, select: { requester: true, agentId: true } });
    if (!action) throw new WardenError('not_found', 'No such action.');
    // Separation of duties: nobody approves what was requested on their own behalf.
    if (decision === 'approved' && action.requester?.trim().toLowerCase() === actor.email.toLowerCase()) {
      throw new WardenError('forbidden', 'You cannot approve an action requested on your own behalf.');
    }
    const moved = await transitionAction(tx, {
      id: actionId,
      from: 'pending_review',
      to: decision,
      changes: { reviewerId: actor.id, decidedAt: new Date(), decisionReason: comment || null },
    });
    if (!moved) throw await alreadyDecided(tx, actionId);
    await recordAuditEvent(tx, {
      actor,
      actionId,
      agentId: action.agentId,
      type: decision === 'approved' ? 'action.approved' : 'action.rejected',
      payload: { comment: comment || null },
    });
  });
  notifyActionChanged(actionId);
}

async function alreadyDecided(tx: Tx, actionId: string) {
  const current = await tx.action.findUniqueOrThrow({
    where: { id: actionId },
    select: { status: true, decidedAt: true, reviewer: { select: { email: true, name: true } } },
  });
  const by = current.reviewer ? ` by ${current.reviewer.name} (${current.reviewer.email})` : '';
  const when = current.decidedAt ? ` at ${current.decidedAt.toISOString()}` : '';
  return new WardenError('conflict', `This action was already decided${by}${when}: it is ${current.status}.`, {
    status: current.status,
    decidedBy: current.reviewer?.email ?? null,
    decidedAt: current.decidedAt?.toISOString() ?? null,
  });
}

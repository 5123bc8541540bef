import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db/client';
import { WardenError } from '../errors';
import { notifyActionChanged } from '../realtime/action-changes';
import { decisionSchema, type DecisionInput } from './schemas';
import { transitionAction } from './transition-action';

const formatUtc = (date: Date) => `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

export type ReviewDecision = 'approved' | 'rejected';

/**
 * A person's decision on a pending action. A rejection decides at once; an approval is recorded per reviewer and
 * moves the action to approved when the N-th distinct reviewer approves (the grant's rule, fixed at proposal time).
 * The move is a compare-and-set with its audit event: of two reviewers clicking at once, exactly one decides; the
 * other is told who decided first and when. The approval is bound to the hash of the exact parameters.
 */
export async function decidePendingAction(actor: Actor, input: DecisionInput, decision: ReviewDecision): Promise<{ status: string; approvals: number; required: number }> {
  assertCan(actor, 'actions.decide');
  if (actor.type !== 'user') throw new WardenError('forbidden', 'Only a signed-in reviewer can decide actions.');
  const { actionId, comment } = decisionSchema.parse(input);

  const result = await db().$transaction(async (tx) => {
    const action = await tx.action.findUnique({ where: { id: actionId } });
    if (!action) throw new WardenError('not_found', 'No such action.');
    if (action.status !== 'pending_review') throw await alreadyDecided(tx, actionId);
    // Separation of duties: nobody approves what was requested on their own behalf.
    if (decision === 'approved' && action.requester?.trim().toLowerCase() === actor.email.toLowerCase()) {
      throw new WardenError('forbidden', 'You cannot approve an action requested on your own behalf.');
    }
    const refs = { actor, actionId, agentId: action.agentId };
    // Lock the action first (a compare-and-set that changes nothing visible): concurrent reviewers of the same action
    // queue here, so each one's count below sees every approval committed before it.
    const { count: locked } = await tx.action.updateMany({ where: { id: actionId, status: 'pending_review' }, data: { updatedAt: new Date() } });
    if (locked !== 1) throw await alreadyDecided(tx, actionId);
    const required = Math.max(action.approvalsRequired, 1);
    let approvals = 0;
    if (decision === 'approved') {
      if (await tx.actionApproval.findUnique({ where: { actionId_reviewerId: { actionId, reviewerId: actor.id } } })) {
        throw new WardenError('conflict', 'You have already approved this action; another reviewer must approve it too.');
      }
      await tx.actionApproval.create({ data: { actionId, reviewerId: actor.id, comment: comment || null } });
      approvals = await tx.actionApproval.count({ where: { actionId } });
      if (approvals < required) {
        await recordAuditEvent(tx, { ...refs, type: 'action.approval_recorded', payload: { comment: comment || null, approvals, required } });
        return { status: 'pending_review', approvals, required };
      }
    }
    const moved = await transitionAction(tx, {
      id: actionId,
      from: 'pending_review',
      to: decision,
      changes: {
        reviewerId: actor.id,
        decidedAt: new Date(),
        decisionReason: comment || null,
        approvedParamsHash: decision === 'approved' ? action.paramsHash : null,
      },
    });
    if (!moved) throw await alreadyDecided(tx, actionId);
    await recordAuditEvent(tx, { ...refs, type: decision === 'approved' ? 'action.approved' : 'action.rejected', payload: { comment: comment || null } });
    return { status: decision, approvals, required };
  });
  notifyActionChanged(actionId);
  return result;
}

async function alreadyDecided(tx: Tx, actionId: string) {
  const current = await tx.action.findUniqueOrThrow({
    where: { id: actionId },
    select: { status: true, decidedAt: true, reviewer: { select: { email: true, name: true } } },
  });
  const by = current.reviewer ? ` by ${current.reviewer.name} (${current.reviewer.email})` : '';
  const when = current.decidedAt ? ` at ${formatUtc(current.decidedAt)}` : '';
  return new WardenError('conflict', `This action was already decided${by}${when}: it is ${current.status}.`, {
    status: current.status,
    decidedBy: current.reviewer?.email ?? null,
    decidedAt: current.decidedAt?.toISOString() ?? null,
  });
}

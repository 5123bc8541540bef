import { assertCan, isAdmin, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db/client';
import { WardenError } from '../errors';
import { notifyActionChanged } from '../realtime/action-changes';
import { decisionSchema, type DecisionInput } from './schemas';
import { expireIfOverdue } from './expire-action';
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
    const action = await tx.action.findUnique({ where: { id: actionId }, include: { agent: { select: { ownerId: true } } } });
    if (!action) throw new WardenError('not_found', 'No such action.');
    if (await expireIfOverdue(tx, action)) return { status: 'expired', approvals: 0, required: 0 };
    if (action.status !== 'pending_review') throw await alreadyDecided(tx, actionId);
    const override = decision === 'approved' ? await separationOfDuties(tx, actor, action) : undefined;
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
        await recordAuditEvent(tx, { ...refs, type: 'action.approval_recorded', payload: { comment: comment || null, approvals, required, ...(override && { override }) } });
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
    await recordAuditEvent(tx, decision === 'approved'
      ? { ...refs, type: 'action.approved', payload: { comment: comment || null, ...(override && { override }) } }
      : { ...refs, type: 'action.rejected', payload: { comment: comment || null } });
    return { status: decision, approvals, required };
  });
  notifyActionChanged(actionId);
  if (result.status === 'expired') throw new WardenError('conflict', 'This action expired before it was decided: its review deadline has passed.', { status: 'expired' });
  return result;
}

/**
 * Separation of duties: neither the person an action was requested for nor the agent's owner (unless the grant allows
 * owners) may approve it. An admin may override; the override is returned so the audit event records it as such.
 */
async function separationOfDuties(
  tx: Tx,
  actor: Extract<Actor, { type: 'user' }>,
  action: { requester: string | null; agentId: string; toolId: string | null; agent: { ownerId: string } },
): Promise<string | undefined> {
  const conflicts: string[] = [];
  if (action.requester?.trim().toLowerCase() === actor.email.toLowerCase()) conflicts.push('requested on your own behalf');
  if (action.agent.ownerId === actor.id) {
    const grant = action.toolId ? await tx.grant.findUnique({ where: { agentId_toolId: { agentId: action.agentId, toolId: action.toolId } }, select: { ownerMayApprove: true } }) : null;
    if (!grant?.ownerMayApprove) conflicts.push("proposed by an agent you own (the grant does not let owners approve)");
  }
  if (conflicts.length === 0) return undefined;
  if (!isAdmin(actor)) throw new WardenError('forbidden', `You cannot approve this action: it was ${conflicts.join(' and ')}.`);
  return `admin override: ${conflicts.join('; ')}`;
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

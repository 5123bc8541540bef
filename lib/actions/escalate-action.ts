import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { invalidInput, WardenError } from '../errors';
import { notifyActionChanged } from '../realtime/action-changes';
import { expireIfOverdue } from './expire-action';
import { escalateActionSchema, type EscalateActionInput } from './schemas';

/**
 * A reviewer hands a pending action to another reviewer group with a note: the action stays pending, the new
 * group is the one asked (notified, "waiting for me"). A compare-and-set on the assigned group, so two reviewers
 * escalating at once cannot both succeed. The quorum is unchanged: escalation asks, it does not approve.
 */
export async function escalateAction(
  actor: Actor,
  input: EscalateActionInput,
): Promise<{ groupId: string; groupName: string }> {
  assertCan(actor, 'actions.decide');
  if (actor.type !== 'user') throw new WardenError('forbidden', 'Only a signed-in reviewer can escalate actions.');
  const { actionId, groupId, note } = escalateActionSchema.parse(input);

  const result = await db().$transaction(async (tx) => {
    const action = await tx.action.findUnique({
      where: { id: actionId },
      select: { id: true, agentId: true, status: true, expiresAt: true, assignedGroupId: true },
    });
    if (!action) throw new WardenError('not_found', 'No such action.');
    if (await expireIfOverdue(tx, action)) return { expired: true as const };
    if (action.status !== 'pending_review')
      throw new WardenError('conflict', `This action is ${action.status}: only pending actions can be escalated.`, {
        status: action.status,
      });
    const group = await tx.reviewerGroup.findUnique({ where: { id: groupId }, select: { id: true, name: true } });
    if (!group) throw invalidInput('No such reviewer group.', [{ path: 'groupId', message: 'no such reviewer group' }]);
    if (action.assignedGroupId === group.id)
      throw new WardenError('conflict', `This action is already with ${group.name}.`);
    const from = action.assignedGroupId
      ? await tx.reviewerGroup.findUnique({ where: { id: action.assignedGroupId }, select: { name: true } })
      : null;

    const { count } = await tx.action.updateMany({
      where: { id: actionId, status: 'pending_review', assignedGroupId: action.assignedGroupId },
      data: { assignedGroupId: group.id },
    });
    if (count !== 1)
      throw new WardenError('conflict', 'Someone else changed this action meanwhile; reload it and try again.');
    await recordAuditEvent(tx, {
      actor,
      actionId,
      agentId: action.agentId,
      type: 'action.escalated',
      payload: {
        fromGroupId: action.assignedGroupId,
        toGroupId: group.id,
        fromGroup: from?.name ?? null,
        toGroup: group.name,
        note,
        automatic: false,
      },
    });
    return { expired: false as const, groupId: group.id, groupName: group.name };
  });
  notifyActionChanged(actionId);
  if (result.expired)
    throw new WardenError('conflict', 'This action expired before it was escalated: its review deadline has passed.', {
      status: 'expired',
    });
  return { groupId: result.groupId, groupName: result.groupName };
}

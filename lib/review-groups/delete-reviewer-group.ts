import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db/client';
import { WardenError } from '../errors';
import { parseInput } from './parse-input';
import { deleteReviewerGroupSchema, type DeleteReviewerGroupInput } from './schemas';

/**
 * Deletes a reviewer group nothing depends on any more. Grants (required groups, first review group, escalation
 * steps), actions still waiting for review and notification channels refer to a group by id; while any does, the
 * delete is refused naming them, so no approval rule silently loses the people it relies on. Decided actions and the
 * audit trail keep the id; they show it as an unknown group afterwards. The members' list goes into the audit event.
 */
export async function deleteReviewerGroup(actor: Actor, input: DeleteReviewerGroupInput) {
  assertCan(actor, 'reviewers.manage');
  const { groupId } = parseInput(deleteReviewerGroupSchema, input);
  return db().$transaction(async (tx) => {
    const group = await tx.reviewerGroup.findUnique({
      where: { id: groupId },
      select: { name: true, members: { select: { user: { select: { email: true } } }, orderBy: { addedAt: 'asc' } } },
    });
    if (!group) throw new WardenError('not_found', 'No such reviewer group.');
    const uses = await findUses(tx, groupId);
    if (uses.length > 0)
      throw new WardenError('conflict', `${group.name} is still used by ${uses.join('; ')}. Change those first.`);
    await tx.reviewerGroupMember.deleteMany({ where: { groupId } });
    const { count } = await tx.reviewerGroup.deleteMany({ where: { id: groupId } });
    if (count !== 1) throw new WardenError('conflict', 'This group was deleted by someone else meanwhile.');
    const members = group.members.map((member) => member.user.email);
    await recordAuditEvent(tx, { actor, type: 'review_group.deleted', payload: { name: group.name, members } });
    return { id: groupId, name: group.name };
  });
}

/** What still refers to the group, in words ("grant Refund bot → payments.refund", "2 actions waiting for review"). */
async function findUses(tx: Tx, groupId: string): Promise<string[]> {
  // Group ids are UUIDs (create-reviewer-group.ts): inside the JSON columns a substring match finds exactly the id.
  const [grants, waiting, channels] = await Promise.all([
    tx.grant.findMany({
      where: {
        OR: [
          { reviewGroupId: groupId },
          { requiredGroups: { contains: groupId } },
          { escalationLadder: { contains: groupId } },
        ],
      },
      select: { agent: { select: { name: true } }, tool: { select: { name: true } } },
      orderBy: { createdAt: 'asc' },
    }),
    tx.action.count({
      where: {
        status: 'pending_review',
        OR: [{ assignedGroupId: groupId }, { requiredGroups: { contains: groupId } }],
      },
    }),
    tx.notificationChannel.findMany({ where: { groupId }, select: { name: true }, orderBy: { name: 'asc' } }),
  ]);
  return [
    ...grants.map((grant) => `grant ${grant.agent.name} → ${grant.tool.name}`),
    ...(waiting > 0 ? [`${waiting} action${waiting === 1 ? '' : 's'} waiting for review`] : []),
    ...channels.map((channel) => `notification channel ${channel.name}`),
  ];
}

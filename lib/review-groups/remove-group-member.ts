import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { parseInput } from './parse-input';
import { groupMemberSchema, type GroupMemberInput } from './schemas';

/**
 * Takes a person out of a reviewer group: from now on their approvals no longer count for it. Approvals they already
 * gave stay recorded as given (the audit trail does not change). Removing someone who is not a member is a conflict.
 */
export async function removeGroupMember(actor: Actor, input: GroupMemberInput) {
  assertCan(actor, 'reviewers.manage');
  const { groupId, userId, email } = parseInput(groupMemberSchema, input);
  return db().$transaction(async (tx) => {
    const group = await tx.reviewerGroup.findUnique({ where: { id: groupId }, select: { name: true } });
    if (!group) throw new WardenError('not_found', 'No such reviewer group.');
    const user = await tx.user.findUnique({
      where: userId !== undefined ? { id: userId } : { email: email! },
      select: { id: true, email: true },
    });
    const { count } = user
      ? await tx.reviewerGroupMember.deleteMany({ where: { groupId, userId: user.id } })
      : { count: 0 };
    if (!user || count !== 1)
      throw new WardenError('conflict', `${user?.email ?? email ?? 'This user'} is not a member of ${group.name}.`);
    await recordAuditEvent(tx, {
      actor,
      type: 'review_group.member_removed',
      payload: { group: group.name, email: user.email },
    });
    return { groupId, userId: user.id };
  });
}

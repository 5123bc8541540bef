import { assertCan, type Actor } from '../auth/actor';
import { permissionsForRoles } from '../auth/permissions';
import { parseRoles } from '../auth/roles';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { invalidInput, WardenError } from '../errors';
import { parseInput } from './parse-input';
import { groupMemberSchema, type GroupMemberInput } from './schemas';
import { isUniqueViolation } from './unique-violation';

/**
 * Adds a person to a reviewer group. Membership is what lets an approval count for the group, so only people whose
 * role can decide actions (reviewer, admin) and whose account is active may join: anyone else is refused by name.
 */
export async function addGroupMember(actor: Actor, input: GroupMemberInput) {
  assertCan(actor, 'reviewers.manage');
  const { groupId, userId, email } = parseInput(groupMemberSchema, input);
  const field = userId !== undefined ? 'userId' : 'email';
  try {
    return await db().$transaction(async (tx) => {
      const group = await tx.reviewerGroup.findUnique({ where: { id: groupId }, select: { id: true, name: true } });
      if (!group) throw new WardenError('not_found', 'No such reviewer group.');
      const user = await tx.user.findUnique({
        where: userId !== undefined ? { id: userId } : { email: email! },
        select: { id: true, email: true, name: true, roles: true, disabled: true },
      });
      if (!user) throw invalidInput(`No user ${email ?? 'with that id'}.`, [{ path: field, message: 'no such user' }]);
      if (!permissionsForRoles(parseRoles(user.roles)).has('actions.decide')) {
        throw invalidInput(
          `${user.name} (${user.email}) cannot join a reviewer group: their role (${user.roles || 'none'}) cannot approve or reject actions. Give them the reviewer or admin role first.`,
          [{ path: field, message: 'this user cannot decide actions (needs the reviewer or admin role)' }],
        );
      }
      if (user.disabled)
        throw invalidInput(`${user.name} (${user.email}) is disabled and cannot review.`, [
          { path: field, message: 'this user is disabled' },
        ]);
      if (
        await tx.reviewerGroupMember.findUnique({
          where: { groupId_userId: { groupId, userId: user.id } },
          select: { userId: true },
        })
      ) {
        throw alreadyMember(user.email, group.name);
      }
      await tx.reviewerGroupMember.create({ data: { groupId, userId: user.id } });
      await recordAuditEvent(tx, {
        actor,
        type: 'review_group.member_added',
        payload: { group: group.name, email: user.email },
      });
      return { groupId, userId: user.id, email: user.email, name: user.name };
    });
  } catch (error) {
    throw isUniqueViolation(error) ? alreadyMember(email ?? 'This user', 'this group') : error;
  }
}

function alreadyMember(who: string, group: string) {
  return new WardenError('conflict', `${who} is already a member of ${group}.`);
}

import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { parseInput } from './parse-input';
import { updateReviewerGroupSchema, type UpdateReviewerGroupInput } from './schemas';
import { isUniqueViolation } from './unique-violation';

/**
 * Renames a group or changes its description. Grants and actions refer to the group by id, so a rename carries over.
 * A compare-and-set on the values read: of two admins editing at once, the second is told to reload.
 */
export async function updateReviewerGroup(actor: Actor, input: UpdateReviewerGroupInput) {
  assertCan(actor, 'reviewers.manage');
  const { groupId, ...changes } = parseInput(updateReviewerGroupSchema, input);
  const taken = () => new WardenError('conflict', `A reviewer group named "${changes.name}" already exists.`);
  try {
    return await db().$transaction(async (tx) => {
      const before = await tx.reviewerGroup.findUnique({
        where: { id: groupId },
        select: { name: true, description: true },
      });
      if (!before) throw new WardenError('not_found', 'No such reviewer group.');
      const after = { name: changes.name ?? before.name, description: changes.description ?? before.description };
      if (after.name === before.name && after.description === before.description)
        return { id: groupId, ...after, changed: false };
      if (
        after.name !== before.name &&
        (await tx.reviewerGroup.findUnique({ where: { name: after.name }, select: { id: true } }))
      )
        throw taken();
      const { count } = await tx.reviewerGroup.updateMany({
        where: { id: groupId, name: before.name, description: before.description },
        data: after,
      });
      if (count !== 1)
        throw new WardenError('conflict', 'This group was changed by someone else meanwhile; reload and try again.');
      await recordAuditEvent(tx, { actor, type: 'review_group.updated', payload: { name: after.name, before, after } });
      return { id: groupId, ...after, changed: true };
    });
  } catch (error) {
    throw isUniqueViolation(error) ? taken() : error;
  }
}

import type { Tx } from '../db/client';
import { invalidInput, type FieldIssue } from '../errors';
import type { GrantRules } from './schemas';

/**
 * Every reviewer group a grant names (required groups, the group asked first, each escalation step) must exist:
 * a grant that required a group nobody belongs to could never be approved. A 422 names each unknown one.
 */
export async function assertReviewGroupsExist(
  tx: Tx,
  rules: Pick<GrantRules, 'requiredGroups' | 'reviewGroupId' | 'escalationLadder'>,
): Promise<void> {
  const references: { path: string; groupId: string }[] = [
    ...rules.requiredGroups.map((groupId, index) => ({ path: `requiredGroups[${index}]`, groupId })),
    ...(rules.reviewGroupId ? [{ path: 'reviewGroupId', groupId: rules.reviewGroupId }] : []),
    ...rules.escalationLadder.map((step, index) => ({
      path: `escalationLadder[${index}].groupId`,
      groupId: step.groupId,
    })),
  ];
  if (references.length === 0) return;
  const ids = [...new Set(references.map((ref) => ref.groupId))];
  const found = new Set(
    (await tx.reviewerGroup.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((group) => group.id),
  );
  const issues: FieldIssue[] = references
    .filter((ref) => !found.has(ref.groupId))
    .map((ref) => ({ path: ref.path, message: 'no such reviewer group' }));
  if (issues.length > 0)
    throw invalidInput(`Unknown reviewer group: ${issues.map((issue) => issue.path).join(', ')}.`, issues);
}

import type { Tx } from '../db/client';
import { invalidInput } from '../errors';

/** The reviewer group a channel is bound to; an unknown id is bad input on the group field (422), not a 404. */
export async function findGroupOrThrow(tx: Tx, groupId: string) {
  const group = await tx.reviewerGroup.findUnique({ where: { id: groupId }, select: { id: true, name: true } });
  if (!group)
    throw invalidInput('No such reviewer group.', [{ path: 'groupId', message: 'no reviewer group with this id' }]);
  return group;
}

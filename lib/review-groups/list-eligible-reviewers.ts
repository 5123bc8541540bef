import { assertCan, type Actor } from '../auth/actor';
import { permissionsForRoles } from '../auth/permissions';
import { parseRoles } from '../auth/roles';
import { db } from '../db/client';

/** The people who may join a reviewer group: active accounts whose role can decide actions (reviewer, admin). */
export async function listEligibleReviewers(actor: Actor) {
  assertCan(actor, 'reviewers.manage');
  const users = await db().user.findMany({
    where: { disabled: false },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, email: true, roles: true },
  });
  return users
    .filter((user) => permissionsForRoles(parseRoles(user.roles)).has('actions.decide'))
    .map(({ id, name, email }) => ({ id, name, email }));
}

import { parseRoles } from '../auth/roles';
import type { Tx } from '../db/client';
import { isActiveAdmin } from '../policy/return-to-normal';

/** Ids of the active admins (admin role, not disabled): who could approve a return to normal. */
export async function readActiveAdminIds(tx: Tx): Promise<string[]> {
  const candidates = await tx.user.findMany({
    where: { disabled: false, roles: { contains: 'admin' } },
    select: { id: true, roles: true, disabled: true },
  });
  return candidates
    .filter((user) => isActiveAdmin({ roles: parseRoles(user.roles), disabled: user.disabled }))
    .map((user) => user.id);
}

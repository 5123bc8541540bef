import type { Tx } from '../db/client';
import { WardenError } from '../errors';
import { parseRoles } from '../auth/roles';

/**
 * Takes the row locks of every active admin before a change that could remove one (PostgreSQL: a concurrent change
 * waits, then sees this one; SQLite's write transactions are serial already), so two admins demoting each other at
 * once cannot both succeed.
 */
export async function lockActiveAdmins(tx: Tx): Promise<void> {
  await tx.user.updateMany({
    where: { disabled: false, roles: { contains: 'admin' } },
    data: { sessionVersion: { increment: 0 } },
  });
}

/** After the change, inside its transaction: refuses (rolling it back) when no active admin would be left. */
export async function assertActiveAdminRemains(tx: Tx, changedEmail: string): Promise<void> {
  const candidates = await tx.user.findMany({
    where: { disabled: false, roles: { contains: 'admin' } },
    select: { roles: true },
  });
  if (!candidates.some((user) => parseRoles(user.roles).includes('admin'))) {
    throw new WardenError(
      'conflict',
      `Refused: ${changedEmail} is the last active admin. Make another user an admin first.`,
    );
  }
}

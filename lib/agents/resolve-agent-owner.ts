import { parseRoles } from '../auth/roles';
import type { Tx } from '../db/client';
import { invalidInput } from '../errors';

/** The person who will answer for an agent: an enabled user with the owner or admin role. */
export async function resolveAgentOwner(tx: Tx, ref: { ownerId?: string; ownerEmail?: string }) {
  const owner = ref.ownerId
    ? await tx.user.findUnique({ where: { id: ref.ownerId } })
    : ref.ownerEmail
      ? await tx.user.findUnique({ where: { email: ref.ownerEmail.toLowerCase() } })
      : null;
  if (!owner || owner.disabled || !parseRoles(owner.roles).some((role) => role === 'owner' || role === 'admin')) {
    throw invalidInput('owner: the owner must be an enabled user with the owner or admin role.', [
      { path: 'owner', message: 'not an enabled user with the owner or admin role' },
    ]);
  }
  return owner;
}

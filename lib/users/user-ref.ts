import type { Tx } from '../db/client';
import { WardenError } from '../errors';

/** A user named by id (the console) or by email (the CLI). */
export type UserRef = { id: string } | { email: string };

export async function getUserForChange(tx: Tx, ref: UserRef) {
  const user =
    'id' in ref
      ? await tx.user.findUnique({ where: { id: ref.id } })
      : await tx.user.findUnique({ where: { email: ref.email.trim().toLowerCase() } });
  if (!user) throw new WardenError('not_found', `No user ${'id' in ref ? ref.id : ref.email}.`);
  return user;
}

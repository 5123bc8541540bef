import { randomUUID } from 'node:crypto';
import { assertCan, type Actor } from '../auth/actor';
import { generatePassword, hashPassword } from '../auth/password';
import { serializeRoles } from '../auth/roles';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { createUserSchema, type CreateUserInput } from './schemas';

/** Creates a user; when no password is given, generates one and returns it (shown once, never stored in clear). */
export async function createUser(actor: Actor, input: CreateUserInput) {
  assertCan(actor, 'users.manage');
  const data = createUserSchema.parse(input);
  const password = data.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const user = await db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: data.email } })) {
      throw new WardenError('conflict', `A user with email ${data.email} already exists.`);
    }
    const created = await tx.user.create({
      data: { id: randomUUID(), email: data.email, name: data.name, roles: serializeRoles(data.roles), passwordHash },
    });
    await recordAuditEvent(tx, { actor, type: 'user.created', payload: { email: created.email, roles: data.roles } });
    return created;
  });
  return { user: { id: user.id, email: user.email, name: user.name, roles: data.roles }, password: data.password ? null : password };
}

import { randomUUID } from 'node:crypto';
import { assertCan, type Actor } from '../auth/actor';
import { hashPassword } from '../auth/password';
import { serializeRoles } from '../auth/roles';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { issueOneTimePassword } from './one-time-password';
import { createUserSchema, type CreateUserInput } from './schemas';

/**
 * Creates a user. Without a password, issues a one-time password and returns it (shown once, never stored in clear):
 * it must be changed at the first sign-in and expires unused. A password given by the caller (CLI --password, tests)
 * is an ordinary one.
 */
export async function createUser(actor: Actor, input: CreateUserInput) {
  assertCan(actor, 'users.manage');
  const data = createUserSchema.parse(input);
  const oneTime = data.password ? null : await issueOneTimePassword();
  const passwordFields = oneTime ? oneTime.fields : { passwordHash: await hashPassword(data.password!) };
  const user = await db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: data.email } })) {
      throw new WardenError('conflict', `A user with email ${data.email} already exists.`);
    }
    const created = await tx.user.create({
      data: {
        id: randomUUID(),
        email: data.email,
        name: data.name,
        roles: serializeRoles(data.roles),
        ...passwordFields,
      },
    });
    await recordAuditEvent(tx, { actor, type: 'user.created', payload: { email: created.email, roles: data.roles } });
    return created;
  });
  return {
    user: { id: user.id, email: user.email, name: user.name, roles: data.roles },
    password: oneTime?.password ?? null,
    passwordExpiresAt: user.passwordExpiresAt,
  };
}

import { randomBytes, randomUUID } from 'node:crypto';
import { assertCan, type Actor } from '../auth/actor';
import { readOidcIdentity } from '../auth/oidc-claims';
import { mapGroupsToRoles } from '../auth/oidc-role-map';
import type { OidcSettings } from '../auth/oidc-settings';
import { hashPassword } from '../auth/password';
import type { Role } from '../auth/permissions';
import { parseRoles, serializeRoles } from '../auth/roles';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db/client';
import { WardenError } from '../errors';
import { assertActiveAdminRemains, lockActiveAdmins } from './active-admins';

/** Why a single sign-on was refused: the sign-in page explains each; the audit log records it. */
export type OidcRefusal = 'email_unverified' | 'unknown_user' | 'disabled' | 'no_role' | 'last_admin';

export type OidcSignIn =
  | { ok: true; user: { id: string; email: string; name: string; sessionVersion: number; roles: Role[] } }
  | { ok: false; reason: OidcRefusal };

/** Who changes a user when the identity provider says so (a role re-mapped, a user created just in time). */
export const IDENTITY_PROVIDER_ACTOR: Actor = { type: 'system', id: 'single-sign-on' };

/**
 * A person the identity provider vouched for (its ID token's claims, already checked by next-auth: signature, issuer,
 * audience, nonce, state, PKCE) → the Warden user, or a refusal. Matched by verified e-mail only. Warden's own
 * `disabled` wins over the provider. With a role map, roles follow the provider's groups at every sign-in (the change
 * audited as `user.roles_changed`, never leaving no active admin); without one, Warden's roles stand. Unknown e-mails
 * become users only with just-in-time creation on. Every outcome is audited: `user.signed_in_sso` or
 * `user.sso_refused` with the reason.
 */
export async function signInWithOidc(
  actor: Actor,
  claims: Record<string, unknown>,
  settings: OidcSettings,
): Promise<OidcSignIn> {
  assertCan(actor, 'users.manage');
  const identity = readOidcIdentity(claims, settings.roleClaim);
  const refuse = async (reason: OidcRefusal): Promise<OidcSignIn> => {
    await db().$transaction((tx) =>
      recordAuditEvent(tx, {
        actor,
        type: 'user.sso_refused',
        payload: { email: identity.email, subject: identity.subject, reason },
      }),
    );
    return { ok: false, reason };
  };
  if (!identity.email || !identity.emailVerified) return refuse('email_unverified');
  const email = identity.email;
  const mapped = settings.roleMap ? mapGroupsToRoles(settings.roleMap, identity.groups) : null;
  // Hashed before the transaction (scrypt is slow): a password nobody knows, so only single sign-on opens the account.
  const unusableHash = await hashPassword(randomBytes(32).toString('base64url'));

  const outcome = await db()
    .$transaction(async (tx): Promise<OidcSignIn> => {
      const existing = await tx.user.findUnique({ where: { email } });
      if (!existing && !settings.jit) return { ok: false, reason: 'unknown_user' };
      if (existing?.disabled) return { ok: false, reason: 'disabled' };
      if (mapped && mapped.length === 0) return { ok: false, reason: 'no_role' };
      const user = existing
        ? await applyMappedRoles(tx, existing, mapped, actor)
        : await createFromProvider(
            tx,
            { email, name: identity.name ?? email, roles: mapped ?? [] },
            unusableHash,
            actor,
          );
      // A pending one-time password (an invite or a reset) is void once the provider has vouched for the person: it
      // would otherwise hold them at "change your password" and stay usable by whoever else has read it.
      const oneTimePasswordVoided = Boolean(existing?.mustChangePassword);
      if (oneTimePasswordVoided) {
        await tx.user.updateMany({
          where: { id: user.id, mustChangePassword: true },
          data: { passwordHash: unusableHash, mustChangePassword: false, passwordExpiresAt: null },
        });
      }
      const roles = parseRoles(user.roles);
      const self: Actor = { type: 'user', id: user.id, email: user.email, name: user.name, roles };
      await recordAuditEvent(tx, {
        actor: self,
        type: 'user.signed_in_sso',
        payload: { email: user.email, subject: identity.subject, roles, oneTimePasswordVoided },
      });
      const { id, name, sessionVersion } = user;
      return { ok: true, user: { id, email: user.email, name, sessionVersion, roles } };
    })
    .catch((error: unknown) => {
      // The only refusal thrown: the provider took admin from the last active admin (rolled back whole).
      if (error instanceof WardenError && error.code === 'conflict')
        return { ok: false, reason: 'last_admin' } as const;
      throw error;
    });
  return outcome.ok ? outcome : refuse(outcome.reason);
}

type UserRow = { id: string; email: string; name: string; roles: string; sessionVersion: number };

async function applyMappedRoles(tx: Tx, user: UserRow, mapped: Role[] | null, actor: Actor): Promise<UserRow> {
  const before = parseRoles(user.roles);
  if (!mapped || serializeRoles(before) === serializeRoles(mapped)) return user;
  // Only a change that takes admin away can leave no active admin (and a workspace with none yet must still work).
  const removesAdmin = before.includes('admin') && !mapped.includes('admin');
  if (removesAdmin) await lockActiveAdmins(tx);
  const { count } = await tx.user.updateMany({
    where: { id: user.id, roles: user.roles, disabled: false },
    data: { roles: serializeRoles(mapped) },
  });
  if (count !== 1) throw new WardenError('conflict', `${user.email} changed meanwhile; sign in again.`);
  if (removesAdmin) await assertActiveAdminRemains(tx, user.email);
  await recordAuditEvent(tx, {
    actor,
    type: 'user.roles_changed',
    payload: { email: user.email, before, after: mapped },
  });
  return { ...user, roles: serializeRoles(mapped) };
}

async function createFromProvider(
  tx: Tx,
  input: { email: string; name: string; roles: Role[] },
  passwordHash: string,
  actor: Actor,
): Promise<UserRow> {
  const created = await tx.user.create({
    data: { id: randomUUID(), email: input.email, name: input.name, roles: serializeRoles(input.roles), passwordHash },
  });
  await recordAuditEvent(tx, { actor, type: 'user.created', payload: { email: created.email, roles: input.roles } });
  return created;
}

// The callers the matrix tries, each as the headers its requests carry: nothing, a session cookie of each role
// (including a disabled user and a session that was signed out), or an agent key.
import { request as playwrightRequest } from '@playwright/test';
import { createTestAgentKey, createTestUser, type TestUser } from '../fixtures/factories';
import { signInWithRequest } from '../fixtures/sign-in';
import { lib } from '../fixtures/warden-lib';

export const CALLERS = ['signedOut', 'viewer', 'reviewer', 'otherOwner', 'owner', 'admin', 'agentKey', 'disabledUser', 'revokedSession'] as const;
export type CallerName = (typeof CALLERS)[number];

export type Caller = { name: CallerName; headers: Record<string, string> };

/** Signs in through next-auth's endpoints and returns the cookie header the browser would send. */
async function sessionCookie(baseURL: string, user: TestUser): Promise<string> {
  const context = await playwrightRequest.newContext({ baseURL });
  try {
    await signInWithRequest(context, user.email, user.password);
    const { cookies } = await context.storageState();
    return cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
  } finally {
    await context.dispose();
  }
}

export type People = Record<'viewer' | 'reviewer' | 'otherOwner' | 'owner' | 'admin', TestUser>;

export async function createPeople(): Promise<People> {
  const [viewer, reviewer, otherOwner, owner, admin] = await Promise.all([
    createTestUser(['viewer'], 'Matrix Viewer'),
    createTestUser(['reviewer'], 'Matrix Reviewer'),
    createTestUser(['owner'], 'Matrix Other Owner'),
    createTestUser(['owner'], 'Matrix Owner'),
    createTestUser(['admin'], 'Matrix Admin'),
  ]);
  return { viewer, reviewer, otherOwner, owner, admin };
}

/**
 * One caller per name. The disabled user and the revoked session are admins, so that only the disabling or the
 * revocation can explain a refusal: their cookies were valid when taken.
 */
export async function createCallers(baseURL: string, people: People, agentKeyOf: { id: string }): Promise<Caller[]> {
  const disabled = await createTestUser(['admin'], 'Matrix Disabled Admin');
  const revoked = await createTestUser(['admin'], 'Matrix Revoked Admin');
  const cookies = Object.fromEntries(
    await Promise.all(
      (Object.entries({ ...people, disabledUser: disabled, revokedSession: revoked }) as [string, TestUser][]).map(
        async ([name, user]) => [name, await sessionCookie(baseURL, user)] as const,
      ),
    ),
  ) as Record<Exclude<CallerName, 'signedOut' | 'agentKey'>, string>;
  const users = lib.db().db().user;
  await users.update({ where: { id: disabled.id }, data: { disabled: true } });
  await users.update({ where: { id: revoked.id }, data: { sessionVersion: { increment: 1 } } });
  const { key } = await createTestAgentKey(agentKeyOf);
  return CALLERS.map((name): Caller => {
    if (name === 'signedOut') return { name, headers: {} };
    if (name === 'agentKey') return { name, headers: { authorization: `Bearer ${key}` } };
    return { name, headers: { cookie: cookies[name] } };
  });
}

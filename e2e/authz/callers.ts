// The callers the matrix tries, each as the headers its requests carry: nothing, a session cookie of each role
// (including a disabled user and a session that was signed out), or an agent key.
import { request as playwrightRequest } from '@playwright/test';
import { createTestAgentKey, createTestUser, type TestUser } from '../fixtures/factories';
import { signInWithRequest } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

export const CALLERS = [
  'signedOut',
  'viewer',
  'reviewer',
  'otherOwner',
  'owner',
  'admin',
  'agentKey',
  'disabledUser',
  'revokedSession',
] as const;
export type CallerName = (typeof CALLERS)[number];

export type Caller = { name: CallerName; headers: Record<string, string> };

/**
 * Signs in through next-auth's endpoints and returns the cookie header the browser would send. With `thenSignOut`,
 * the session is then ended the way the browser's "Sign out" does: the copied cookie must stop working.
 */
async function sessionCookie(baseURL: string, user: TestUser, thenSignOut = false): Promise<string> {
  const context = await playwrightRequest.newContext({ baseURL });
  try {
    await signInWithRequest(context, user.email, user.password);
    const { cookies } = await context.storageState();
    const cookie = cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
    if (thenSignOut) {
      const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
      const signOut = await context.post('/api/auth/signout', { form: { csrfToken, json: 'true' }, maxRedirects: 0 });
      if (signOut.status() >= 400) throw new Error(`Sign-out answered ${signOut.status()}`);
    }
    return cookie;
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
 * One caller per name. The disabled user and the signed-out session are admins, so that only the disabling or the
 * sign-out can explain a refusal: their cookies were valid when taken.
 */
export async function createCallers(baseURL: string, people: People, agentKeyOf: { id: string }): Promise<Caller[]> {
  const disabled = await createTestUser(['admin'], 'Matrix Disabled Admin');
  const revoked = await createTestUser(['admin'], 'Matrix Revoked Admin');
  const cookies: Record<string, string> = {};
  for (const [name, user] of Object.entries({ ...people, disabledUser: disabled }) as [string, TestUser][])
    cookies[name] = await sessionCookie(baseURL, user);
  cookies.revokedSession = await sessionCookie(baseURL, revoked, true);
  await db().user.update({ where: { id: disabled.id }, data: { disabled: true } });
  const { key } = await createTestAgentKey(agentKeyOf);
  return CALLERS.map((name): Caller => {
    if (name === 'signedOut') return { name, headers: {} };
    if (name === 'agentKey') return { name, headers: { authorization: `Bearer ${key}` } };
    return { name, headers: { cookie: cookies[name]! } };
  });
}

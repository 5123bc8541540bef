import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { test, expect } from '../fixtures/test';
import { startOwnServer, type OwnServer } from '../fixtures/own-server';
import { contextWithSessionCookie, isSignedIn, postCredentials, sessionCookieOf } from '../fixtures/people';
import { signInWithRequest } from '../fixtures/sign-in';
import { recordTestSecret } from '../fixtures/test-logs.cjs';

/**
 * A server of this spec's own, started with a 6-second absolute session lifetime and a 2-second lockout, its output
 * captured: the shared servers' settings and logs cannot be changed per spec.
 */
const LIFETIME_SECONDS = 6;
const PASSWORD = recordTestSecret('password', 'a-long-enough-password');

let server: OwnServer;
let baseURL: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  server = await startOwnServer('session-lifetime', 7, {
    WARDEN_SESSION_MAX_AGE_SECONDS: String(LIFETIME_SECONDS),
    WARDEN_SIGNIN_LOCKOUT_BASE_SECONDS: '2',
  });
  baseURL = server.baseURL;
});

test.afterAll(() => {
  server?.stop();
});

function createUser(email: string) {
  server.cli('user', 'create', '--email', email, '--name', 'Lifetime', '--role', 'reviewer', '--password', PASSWORD);
}

async function newContext(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL });
}

test('/api/auth/session renews the cookie but never past the absolute lifetime', async () => {
  createUser('lifetime@warden.test');
  const context = await newContext();
  const signedInAt = Date.now();
  await signInWithRequest(context, 'lifetime@warden.test', PASSWORD);
  const copied = await contextWithSessionCookie(baseURL, await sessionCookieOf(context));

  // Polled (each poll asks /api/auth/session, which renews the cookie) until the session is gone. The poll reads
  // /api/auth/session alone: isSignedIn's two requests can straddle the end of the lifetime (signed in, then
  // refused), which is that end, not a contradiction. Once it is gone, both must agree it is (isSignedIn below).
  const sessionUser = async () =>
    ((await (await context.get('/api/auth/session')).json()) as { userId?: string }).userId ?? null;
  await expect.poll(sessionUser, { timeout: (LIFETIME_SECONDS + 10) * 1000, intervals: [500] }).toBeNull();
  const endedAfter = (Date.now() - signedInAt) / 1000;
  expect(await isSignedIn(context)).toBe(false);
  expect(endedAfter).toBeGreaterThanOrEqual(LIFETIME_SECONDS - 1);
  expect(endedAfter).toBeLessThan(LIFETIME_SECONDS + 5);
  expect(await isSignedIn(copied)).toBe(false);
  await Promise.all([context.dispose(), copied.dispose()]);
});

test('junk session cookies are signed out without a stack trace in the server log, and without a flood', async () => {
  const before = server.output().length;
  for (let i = 0; i < 20; i++) {
    const context = await contextWithSessionCookie(
      baseURL,
      i % 2 ? `junk-${i}` : 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z',
    );
    expect(await isSignedIn(context)).toBe(false);
    const page = await context.get('/api-reference', { headers: { RSC: '1' }, maxRedirects: 0 });
    expect(await page.text()).not.toContain('/v1/actions');
    await context.dispose();
  }
  const logged = server.output().slice(before);
  expect(logged).not.toMatch(/^\s+at /m);
  expect(logged.split('\n').filter((line) => line.includes('JWT_SESSION_ERROR')).length).toBeLessThanOrEqual(1);
});

test('after a lockout expires, the right password signs in; during it, it did not', async () => {
  createUser('lockout@warden.test');
  const context = await newContext();
  for (let attempt = 0; attempt < 5; attempt++)
    expect(await postCredentials(context, 'lockout@warden.test', 'wrong-password')).toBe(401);
  const lockedAt = Date.now();
  expect(await postCredentials(context, 'lockout@warden.test', PASSWORD)).toBe(429);

  await expect
    .poll(() => postCredentials(context, 'lockout@warden.test', PASSWORD), { timeout: 15_000, intervals: [250] })
    .toBe(200);
  expect(Date.now() - lockedAt).toBeGreaterThanOrEqual(1000);
  expect(await isSignedIn(context)).toBe(true);
  await context.dispose();
});

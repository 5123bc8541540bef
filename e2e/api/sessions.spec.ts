import { request as playwrightRequest } from '@playwright/test';
import { test, expect } from '../fixtures/test';
import { createTestUser } from '../fixtures/factories';
import {
  contextWithSessionCookie,
  isSignedIn,
  people,
  postCredentials,
  sessionCookieOf,
  signOutWithRequest,
} from '../fixtures/people';
import { signInWithRequest } from '../fixtures/sign-in';

// Issue 12, items 4, 5, 8 and 12e: sessions end on the server, sign-in is throttled, junk cookies are "signed out".
test.describe('sessions', () => {
  test('a session cookie copied before sign-out stops working after it', async ({ baseURL }) => {
    const user = await createTestUser(['reviewer']);
    const browser = await playwrightRequest.newContext({ baseURL });
    await signInWithRequest(browser, user.email, user.password);
    const copied = await contextWithSessionCookie(baseURL!, await sessionCookieOf(browser));
    expect(await isSignedIn(copied)).toBe(true);

    await signOutWithRequest(browser);

    expect(await isSignedIn(copied)).toBe(false);
    await Promise.all([browser.dispose(), copied.dispose()]);
  });

  test('sign out everywhere ends every session; disabling ends them too, and enabling does not revive them', async ({
    baseURL,
  }) => {
    const user = await createTestUser(['reviewer']);
    const [laptop, phone] = await Promise.all([
      playwrightRequest.newContext({ baseURL }),
      playwrightRequest.newContext({ baseURL }),
    ]);
    await signInWithRequest(laptop, user.email, user.password);
    await signInWithRequest(phone, user.email, user.password);

    await people.signOutEverywhere(user.id);
    expect(await isSignedIn(laptop)).toBe(false);
    expect(await isSignedIn(phone)).toBe(false);

    await signInWithRequest(laptop, user.email, user.password);
    const kept = await contextWithSessionCookie(baseURL!, await sessionCookieOf(laptop));
    await people.setDisabled(user.id, true);
    expect(await isSignedIn(kept)).toBe(false);
    expect(await postCredentials(laptop, user.email, user.password)).toBe(401);
    await people.setDisabled(user.id, false);
    expect(await isSignedIn(kept)).toBe(false);
    await Promise.all([laptop.dispose(), phone.dispose(), kept.dispose()]);
  });

  test('a junk or tampered session cookie is simply signed out, and an RSC request for /api-reference renders nothing', async ({
    baseURL,
  }) => {
    const user = await createTestUser(['viewer']);
    const real = await playwrightRequest.newContext({ baseURL });
    await signInWithRequest(real, user.email, user.password);
    const value = await sessionCookieOf(real);
    const tampered = `${value.slice(0, -6)}${value.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`;

    for (const junk of ['junk', 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z', tampered]) {
      const context = await contextWithSessionCookie(baseURL!, junk);
      expect(await isSignedIn(context)).toBe(false);
      const rsc = await context.get('/api-reference', { headers: { RSC: '1' }, maxRedirects: 0 });
      expect(rsc.status()).toBeLessThan(500);
      expect(await rsc.text()).not.toContain('/v1/actions');
      await context.dispose();
    }
    // The same request with the real cookie does render the reference (so the check above can fail).
    const rendered = await real.get('/api-reference', { headers: { RSC: '1' } });
    expect(await rendered.text()).toContain('/v1/actions');
    await real.dispose();
  });
});

test.describe('sign-in throttling', () => {
  test('40 wrong passwords lock the account: 429, and the right password is refused while it lasts', async ({
    baseURL,
  }) => {
    const user = await createTestUser(['reviewer']);
    // An address of its own (the nearest proxy's X-Forwarded-For), so this lock does not reach other specs' sign-ins.
    const headers = { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250) + 1}` };
    const context = await playwrightRequest.newContext({ baseURL });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 40; attempt++)
      statuses.push(await postCredentials(context, user.email, `wrong-${attempt}`, headers));

    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
    expect(await postCredentials(context, user.email, user.password, headers)).toBe(429);
    // From another address too: the lock is the account's.
    expect(await postCredentials(context, user.email, user.password, { 'x-forwarded-for': '203.0.113.9' })).toBe(429);
    expect(await isSignedIn(context)).toBe(false);
    await context.dispose();
  });

  test("the 429 carries Retry-After and the JSON next-auth's client reads", async ({ baseURL }) => {
    const user = await createTestUser(['reviewer']);
    const headers = { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250) + 1}` };
    const context = await playwrightRequest.newContext({ baseURL });
    for (let attempt = 0; attempt < 5; attempt++) await postCredentials(context, user.email, 'wrong', headers);
    const { csrfToken } = (await (await context.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const refused = await context.post('/api/auth/callback/credentials', {
      form: { csrfToken, email: user.email, password: user.password, json: 'true' },
      headers,
    });
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
    expect(new URL(((await refused.json()) as { url: string }).url).searchParams.get('error')).toBe('TooManyAttempts');
    await context.dispose();
  });
});

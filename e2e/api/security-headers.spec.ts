import { existsSync, statSync } from 'node:fs';
import { test, expect } from '../fixtures/test';
import { createTestUser } from '../fixtures/factories';
import { signInWithRequest } from '../fixtures/sign-in';

// Issue 12, items 10 and 12 (b, c): the SQLite file is private, pages carry a Content-Security-Policy with a fresh
// nonce and HSTS when served over TLS, and a server action's oversized body is a 413, not a 500.

test("the server's SQLite database, WAL and shared memory are readable by the owner only (0600)", async ({
  databaseUrl,
}) => {
  test.skip(!databaseUrl.startsWith('file:'), 'SQLite only');
  const file = databaseUrl.slice('file:'.length);
  for (const path of [file, `${file}-wal`, `${file}-shm`].filter(existsSync)) {
    expect((statSync(path).mode & 0o777).toString(8), path).toBe('600');
  }
});

test('pages carry a CSP with a fresh nonce on each response; Next puts it on its scripts', async ({ request }) => {
  const policies: string[] = [];
  for (const path of ['/sign-in', '/sign-in']) {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const policy = response.headers()['content-security-policy'];
    expect(policy).toMatch(/script-src 'self' 'nonce-[0-9a-f]{32}' 'strict-dynamic'/);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"])
      expect(policy).toContain(directive);
    expect(policy, 'plain http: no upgrade').not.toContain('upgrade-insecure-requests');
    const nonce = /'nonce-([0-9a-f]+)'/.exec(policy)![1];
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    policies.push(policy);
  }
  expect(policies[0]).not.toBe(policies[1]);
});

test('a signed-in page and an API answer are covered too; HSTS only behind TLS', async ({ baseURL, playwright }) => {
  const admin = await createTestUser(['admin'], 'Header Admin');
  const request = await playwright.request.newContext({ baseURL });
  await signInWithRequest(request, admin.email, admin.password);
  const queue = await request.get('/queue');
  expect(queue.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(queue.headers()['strict-transport-security']).toBeUndefined();
  const overTls = await request.get('/queue', { headers: { 'x-forwarded-proto': 'https' } });
  expect(overTls.headers()['strict-transport-security']).toBe('max-age=31536000');
  expect(overTls.headers()['content-security-policy']).toContain('upgrade-insecure-requests');
  const api = await request.get('/api/v1/health');
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  await request.dispose();
});

test('a server action with a body over 1 MB is answered 413 (Next alone answers 500)', async ({
  baseURL,
  playwright,
}) => {
  const admin = await createTestUser(['admin'], 'Big Body Admin');
  const request = await playwright.request.newContext({ baseURL });
  await signInWithRequest(request, admin.email, admin.password);
  const huge = await request.post('/queue', {
    headers: { 'next-action': '7f00000000000000000000000000000000000000', 'content-type': 'text/plain;charset=UTF-8' },
    data: JSON.stringify(['x'.repeat(2 * 1024 * 1024)]),
  });
  expect(huge.status()).toBe(413);
  expect(await huge.text()).toBe('The request body is over 1 MB.');
  await request.dispose();
});

import { request as playwrightRequest } from '@playwright/test';
import { test, expect } from '../fixtures/test';
import { startOwnServer, type OwnServer } from '../fixtures/own-server';
import { recordTestSecret } from '../fixtures/test-logs.cjs';

/**
 * Issue 16, structured logs: one JSON line per request on the server's stdout (scripts/server.mjs) with route, method,
 * status, duration, actor and request id, and never the agent's key, the person's password or the session cookie.
 * A server of its own (offset 19): its whole output is read, and nothing else writes to it.
 */
const PASSWORD = recordTestSecret('password', 'request-logs-password-1');
const EMAIL = 'request-logs@warden.test';

type RequestLine = {
  level: number;
  msg: string;
  requestId: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  actorType: 'agent' | 'user' | 'anonymous';
  actorId: string | null;
};

let server: OwnServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  server = await startOwnServer('request-logs', 19, { WARDEN_LOG_LEVEL: 'info' });
  server.cli('user', 'create', '--email', EMAIL, '--name', 'Logged', '--role', 'owner', '--password', PASSWORD);
  server.cli('agent', 'create', '--name', 'log-bot', '--owner', EMAIL);
});

test.afterAll(() => server?.stop());

/** The request line of `requestId`, once the server has written it (it is written when the response closes). */
async function requestLine(requestId: string): Promise<RequestLine> {
  const lines = () =>
    server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as RequestLine)
      .filter((line) => line.msg === 'request' && line.requestId === requestId);
  await expect.poll(() => lines().length).toBeGreaterThan(0);
  expect(lines()).toHaveLength(1);
  return lines()[0]!;
}

test('an agent proposal is one JSON line: route, status, duration, the agent by id, the request id; no key', async () => {
  // The CLI prints the new key once, for the admin to store: its output, not a server log (scripts/scan-test-logs.mjs).
  const key = recordTestSecret(
    'agent key',
    server.cli('key', 'create', '--agent', 'log-bot').trim().split('\n').pop()!,
  );
  const api = await playwrightRequest.newContext({ baseURL: server.baseURL });
  const answer = await api.post('/api/v1/actions?note=not-logged', {
    headers: { authorization: `Bearer ${key}`, 'x-request-id': 'spec-proposal-0001' },
    data: { tool: 'no-such-tool', params: { amount: 1 } },
  });
  expect(answer.headers()['x-request-id']).toBe('spec-proposal-0001');
  const line = await requestLine('spec-proposal-0001');
  expect(line).toMatchObject({
    level: 30,
    method: 'POST',
    route: '/api/v1/actions',
    status: answer.status(),
    actorType: 'agent',
  });
  expect(line.durationMs).toBeGreaterThanOrEqual(0);
  expect(line.actorId).toMatch(/^[\w-]{8,}$/);

  // A wrong key: the same route, 401, nobody.
  const refused = await api.get('/api/v1/agent', {
    headers: { authorization: 'Bearer wdn_not-a-key', 'x-request-id': 'spec-refused-0001' },
  });
  expect(refused.status()).toBe(401);
  expect(await requestLine('spec-refused-0001')).toMatchObject({
    route: '/api/v1/agent',
    status: 401,
    actorType: 'anonymous',
    actorId: null,
  });

  // A request id that could break a line or carry a payload is replaced by a fresh one.
  const junk = await api.get('/api/v1/health', { headers: { 'x-request-id': 'x"}\u00e9 '.repeat(3) } });
  expect(junk.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  await api.dispose();
  expect(server.output()).not.toContain(key);
});

test('a console sign-in and a page load are one line each; the person by id, never the password or cookie', async () => {
  const browser = await playwrightRequest.newContext({ baseURL: server.baseURL });
  const { csrfToken } = (await (await browser.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const signIn = await browser.post('/api/auth/callback/credentials', {
    headers: { 'x-request-id': 'spec-sign-in-0001' },
    form: { csrfToken, email: EMAIL, password: PASSWORD, json: 'true' },
    maxRedirects: 0,
  });
  const { userId } = (await (await browser.get('/api/auth/session')).json()) as { userId?: string };
  expect(userId).toBeTruthy();
  // Signing in, nobody is signed in yet: the line says so.
  expect(await requestLine('spec-sign-in-0001')).toMatchObject({
    method: 'POST',
    route: '/api/auth/callback/credentials',
    status: signIn.status(),
    actorType: 'anonymous',
  });

  const page = await browser.get('/queue', { headers: { 'x-request-id': 'spec-queue-0001' } });
  expect(page.status()).toBe(200);
  const line = await requestLine('spec-queue-0001');
  expect(line).toMatchObject({ method: 'GET', route: '/queue', status: 200, actorType: 'user', actorId: userId });
  expect(line.durationMs).toBeGreaterThan(0);

  const cookie = (await browser.storageState()).cookies.find((c) => c.name === 'next-auth.session-token')!.value;
  recordTestSecret('session cookie', cookie);
  await browser.dispose();
  const output = server.output();
  expect(output).not.toContain(PASSWORD);
  expect(output).not.toContain(cookie);
  expect(output).not.toContain(EMAIL);
});

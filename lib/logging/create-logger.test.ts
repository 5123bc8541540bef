import { AsyncLocalStorage } from 'node:async_hooks';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, REQUEST_CONTEXT, requestIdFrom, routeOf } from './create-logger.cjs';

const KEY = 'wdn_Q2hhbmdlTWVQbGVhc2VJJ21Ob3RBUmVhbEtleUF0QWxsMTIz';
const PASSWORD = 'correct-horse-battery-staple';

/** A real pino logger writing into memory: the lines exactly as stdout would get them. */
function capture(level = 'info') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger({ level, destination }), lines };
}

const slots = globalThis as unknown as Record<symbol, unknown>;
afterEach(() => {
  delete slots[REQUEST_CONTEXT];
});

describe('createLogger', () => {
  it('redacts secret-shaped fields at the top, one level down and in headers', () => {
    const { log, lines } = capture();
    log.info(
      {
        password: PASSWORD,
        key: KEY,
        user: { email: 'a@b.test', newPassword: PASSWORD, token: 'tok-123456789' },
        headers: { authorization: `Bearer ${KEY}`, cookie: 'next-auth.session-token=abcdefgh', accept: 'json' },
        channel: { secret: 'whsec_abcdefghijklmnop' },
        upstream: { credentials: 'upstream-token-1234' },
      },
      'something happened',
    );
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    for (const secret of [PASSWORD, KEY, 'tok-123456789', 'abcdefgh', 'whsec_abcdefghijklmnop', 'upstream-token-1234'])
      expect(line).not.toContain(secret);
    const parsed = JSON.parse(line) as Record<string, Record<string, unknown>>;
    expect(parsed.password).toBe('[redacted]');
    expect(parsed.headers).toEqual({ authorization: '[redacted]', cookie: '[redacted]', accept: 'json' });
    expect(parsed.user).toEqual({ email: 'a@b.test', newPassword: '[redacted]', token: '[redacted]' });
  });

  it('writes JSON lines at and above its level only, and refuses an unknown level', () => {
    const { log, lines } = capture('warn');
    log.info('quiet');
    log.warn('loud');
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['loud']);
    expect(() => createLogger({ level: 'verbose' })).toThrow(/WARDEN_LOG_LEVEL: must be one of fatal, error/);
  });

  it('stamps every line written while a request is served with its request id', () => {
    const requests = new AsyncLocalStorage<{ requestId: string; actor: null }>();
    slots[REQUEST_CONTEXT] = requests;
    const { log, lines } = capture();
    requests.run({ requestId: 'req-12345678', actor: null }, () => log.error('inside'));
    log.error('outside');
    expect(lines.map((line) => (JSON.parse(line) as { requestId?: string }).requestId)).toEqual([
      'req-12345678',
      undefined,
    ]);
  });
});

describe('routeOf', () => {
  it.each([
    ['/api/v1/health?token=abc', '/api/v1/health'],
    ['/api/v1/actions/0192f1e2-7c4b-7d1a-9a8b-1234567890ab/claim', '/api/v1/actions/:id/claim'],
    ['/agents/cm3x9k2p10000abcd1234efgh', '/agents/:id'],
    ['/audit/42#top', '/audit/:id'],
    ['/_next/static/chunks/main-app.js', '/_next/static/chunks/main-app.js'],
    ['/queue', '/queue'],
    [undefined, '/'],
  ])('%s → %s', (url, route) => expect(routeOf(url)).toBe(route));
});

describe('requestIdFrom', () => {
  const fresh = () => 'fresh-id';
  it.each([
    ['lb-7f3a9c21', 'lb-7f3a9c21'],
    ['0192f1e2-7c4b-7d1a-9a8b-1234567890ab', '0192f1e2-7c4b-7d1a-9a8b-1234567890ab'],
    ['short', 'fresh-id'],
    ['has space in it', 'fresh-id'],
    ['{"json":"payload"}', 'fresh-id'],
    ['x'.repeat(129), 'fresh-id'],
    [undefined, 'fresh-id'],
    [['two-values-1', 'two-values-2'], 'fresh-id'],
  ])('%j → %s', (incoming, id) => expect(requestIdFrom(incoming, fresh)).toBe(id));
});

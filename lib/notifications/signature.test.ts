import { describe, expect, it } from 'vitest';
import { signatureOf, signWardenPayload, verifyWardenSignature } from './signature';

const SECRET = 'whsec_test-secret';
const BODY = '{"event":"review_requested","action":{"id":"a1"}}';
const SENT = new Date('2026-11-25T12:00:00Z');
const header = signWardenPayload(SECRET, BODY, SENT);
const seconds = (n: number) => new Date(SENT.getTime() + n * 1000);

describe('signWardenPayload', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 and the unix time in seconds', () => {
    expect(header).toBe(`t=1795608000,v1=${signatureOf(SECRET, 1795608000, BODY)}`);
    // A vector computed independently (Python's hmac), so a receiver in another language can check itself against it.
    expect(signatureOf('secret', 1, 'body')).toBe('842b24d9575dee4b6ec460b7e3af7d683501d84fe6279102340787c79d2e2bab');
  });
});

describe('verifyWardenSignature', () => {
  it.each<[string, Parameters<typeof verifyWardenSignature>[0], ReturnType<typeof verifyWardenSignature>]>([
    [
      'the signed body, at once',
      { secret: SECRET, rawBody: BODY, header, now: SENT },
      { ok: true, timestamp: 1795608000 },
    ],
    [
      '4 min 59 s later',
      { secret: SECRET, rawBody: BODY, header, now: seconds(299) },
      { ok: true, timestamp: 1795608000 },
    ],
    [
      'exactly 5 min later',
      { secret: SECRET, rawBody: BODY, header, now: seconds(300) },
      { ok: true, timestamp: 1795608000 },
    ],
    [
      'replayed 5 min 1 s later',
      { secret: SECRET, rawBody: BODY, header, now: seconds(301) },
      { ok: false, reason: 'expired' },
    ],
    [
      'signed 6 min in the future',
      { secret: SECRET, rawBody: BODY, header, now: seconds(-360) },
      { ok: false, reason: 'expired' },
    ],
    [
      'a tighter tolerance',
      { secret: SECRET, rawBody: BODY, header, now: seconds(31), toleranceSeconds: 30 },
      { ok: false, reason: 'expired' },
    ],
    [
      'tampered body',
      { secret: SECRET, rawBody: BODY.replace('a1', 'a2'), header, now: SENT },
      { ok: false, reason: 'mismatch' },
    ],
    [
      're-serialized body (whitespace)',
      { secret: SECRET, rawBody: JSON.stringify(JSON.parse(BODY), null, 1), header, now: SENT },
      { ok: false, reason: 'mismatch' },
    ],
    ['another secret', { secret: 'whsec_other', rawBody: BODY, header, now: SENT }, { ok: false, reason: 'mismatch' }],
    [
      'timestamp moved forward (replay with a fresh t)',
      { secret: SECRET, rawBody: BODY, header: header.replace('t=1795608000', 't=1795608600'), now: seconds(600) },
      { ok: false, reason: 'mismatch' },
    ],
    ['no header', { secret: SECRET, rawBody: BODY, header: null, now: SENT }, { ok: false, reason: 'missing' }],
    [
      'no timestamp',
      { secret: SECRET, rawBody: BODY, header: header.replace(/^t=\d+,/, ''), now: SENT },
      { ok: false, reason: 'malformed' },
    ],
    ['no v1', { secret: SECRET, rawBody: BODY, header: 't=1795608000', now: SENT }, { ok: false, reason: 'malformed' }],
    [
      'v1 not hex',
      { secret: SECRET, rawBody: BODY, header: `t=1795608000,v1=${'z'.repeat(64)}`, now: SENT },
      { ok: false, reason: 'malformed' },
    ],
    [
      'truncated v1',
      { secret: SECRET, rawBody: BODY, header: header.slice(0, -2), now: SENT },
      { ok: false, reason: 'malformed' },
    ],
    [
      'one of two v1 matches (secret rotation)',
      { secret: SECRET, rawBody: BODY, header: `t=1795608000,v1=${'0'.repeat(64)},${header.split(',')[1]}`, now: SENT },
      { ok: true, timestamp: 1795608000 },
    ],
  ])('%s', (_name, input, expected) => {
    expect(verifyWardenSignature(input)).toEqual(expected);
  });
});

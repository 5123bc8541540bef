import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyRequester } from './verify-requester';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const nowSeconds = NOW / 1000;
const AUDIENCE = 'https://warden.example.com';
let agent: { requesterKey: string; requesterIssuer: null };
let privateKey: CryptoKey;

type Claims = { aud?: string | null; iat?: number | null; exp?: number | null };

function sign({ aud = AUDIENCE, iat = nowSeconds, exp = nowSeconds + 120 }: Claims = {}) {
  const jwt = new SignJWT({ roles: ['support'] })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('alice@customer.test');
  if (aud !== null) jwt.setAudience(aud);
  if (iat !== null) jwt.setIssuedAt(iat);
  if (exp !== null) jwt.setExpirationTime(exp);
  return jwt.sign(privateKey);
}

describe('verifyRequester: audience, issue time and a short life', () => {
  const saved = { url: process.env.NEXTAUTH_URL, audience: process.env.WARDEN_ASSERTION_AUDIENCE };
  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    agent = { requesterKey: await exportSPKI(pair.publicKey), requesterIssuer: null };
  });
  afterEach(() => {
    process.env.NEXTAUTH_URL = saved.url;
    process.env.WARDEN_ASSERTION_AUDIENCE = saved.audience;
  });
  const verify = async (claims: Claims) => verifyRequester(await sign(claims), agent, NOW);

  it.each<[string, Claims, string]>([
    ['no audience', { aud: null }, 'claim check failed: missing required "aud" claim'],
    ['another audience', { aud: 'https://other.example.com' }, 'claim check failed: unexpected "aud" claim value'],
    ['no iat', { iat: null }, 'claim check failed: missing required "iat" claim'],
    ['no exp', { exp: null }, 'claim check failed: missing required "exp" claim'],
    [
      'issued 10 minutes ago, still unexpired',
      { iat: nowSeconds - 600, exp: nowSeconds + 60 },
      'the assertion has expired',
    ],
    [
      'valid for 100 years',
      { exp: nowSeconds + 100 * 365 * 86_400 },
      'the assertion lives longer than 5 minutes (exp too far after iat)',
    ],
    [
      'issued in the future',
      { iat: nowSeconds + 600, exp: nowSeconds + 700 },
      'claim check failed: "iat" claim timestamp check failed (it should be in the past)',
    ],
  ])('%s is refused', async (_name, claims, error) => {
    process.env.NEXTAUTH_URL = `${AUDIENCE}/some/path`;
    delete process.env.WARDEN_ASSERTION_AUDIENCE;
    expect(await verify(claims)).toEqual({ status: 'invalid', error });
  });

  it("a fresh assertion for this instance (NEXTAUTH_URL's origin) is verified, within 60 s of clock skew", async () => {
    process.env.NEXTAUTH_URL = `${AUDIENCE}/some/path`;
    delete process.env.WARDEN_ASSERTION_AUDIENCE;
    expect(await verify({})).toMatchObject({ status: 'verified', subject: 'alice@customer.test', roles: ['support'] });
    expect(await verify({ iat: nowSeconds + 45, exp: nowSeconds + 200 })).toMatchObject({ status: 'verified' });
  });

  it('WARDEN_ASSERTION_AUDIENCE names the audience instead; with neither set nothing verifies', async () => {
    process.env.WARDEN_ASSERTION_AUDIENCE = 'warden-prod';
    expect(await verify({ aud: 'warden-prod' })).toMatchObject({ status: 'verified' });
    expect(await verify({})).toMatchObject({ status: 'invalid' });
    delete process.env.WARDEN_ASSERTION_AUDIENCE;
    delete process.env.NEXTAUTH_URL;
    expect(await verify({})).toMatchObject({
      status: 'invalid',
      error: expect.stringContaining('no assertion audience'),
    });
  });
});

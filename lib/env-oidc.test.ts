import { afterEach, describe, expect, it, vi } from 'vitest';

const OIDC = {
  WARDEN_OIDC_ISSUER: 'https://idp.example/realms/acme',
  WARDEN_OIDC_CLIENT_ID: 'warden',
  WARDEN_OIDC_CLIENT_SECRET: 'client-secret',
};

/** lib/env.ts reads the environment once per module instance: a fresh one per case. */
async function readEnv(values: Record<string, string>) {
  for (const [key, value] of Object.entries(values)) vi.stubEnv(key, value);
  vi.resetModules();
  const { env } = await import('./env');
  return env;
}

afterEach(() => vi.unstubAllEnvs());

describe('single sign-on settings in lib/env.ts', () => {
  it('defaults to passwords only, no single sign-on', async () => {
    const env = await readEnv({});
    expect(env()).toMatchObject({
      WARDEN_PASSWORD_SIGNIN: 'on',
      WARDEN_OIDC_JIT: 'off',
      WARDEN_OIDC_ROLE_CLAIM: 'groups',
      WARDEN_OIDC_ROLE_MAP: null,
    });
    expect(env().WARDEN_OIDC_ISSUER).toBeUndefined();
  });

  it('reads a complete configuration, the role map parsed', async () => {
    const env = await readEnv({
      ...OIDC,
      WARDEN_PASSWORD_SIGNIN: 'off',
      WARDEN_OIDC_JIT: 'on',
      WARDEN_OIDC_ROLE_MAP: 'ops=admin,*=viewer',
    });
    expect(env().WARDEN_OIDC_ROLE_MAP).toEqual({ entries: [{ group: 'ops', role: 'admin' }], fallback: 'viewer' });
  });

  it.each([
    [
      { WARDEN_OIDC_ISSUER: OIDC.WARDEN_OIDC_ISSUER },
      'WARDEN_OIDC_ISSUER: single sign-on needs WARDEN_OIDC_ISSUER, WARDEN_OIDC_CLIENT_ID and WARDEN_OIDC_CLIENT_SECRET together',
    ],
    [{ WARDEN_PASSWORD_SIGNIN: 'off' }, 'WARDEN_PASSWORD_SIGNIN: off needs single sign-on configured'],
    [{ ...OIDC, WARDEN_OIDC_JIT: 'on' }, 'WARDEN_OIDC_JIT: on needs WARDEN_OIDC_ROLE_MAP'],
    [{ ...OIDC, WARDEN_OIDC_ROLE_MAP: 'ops=root' }, 'WARDEN_OIDC_ROLE_MAP: entry 1 "ops=root": "root" is not a role'],
    [{ ...OIDC, WARDEN_OIDC_ISSUER: 'ftp://idp.example' }, 'WARDEN_OIDC_ISSUER: must be the issuer URL'],
    [{ ...OIDC, WARDEN_OIDC_SCOPES: 'email profile' }, 'WARDEN_OIDC_SCOPES: must include openid'],
    [{ WARDEN_PASSWORD_SIGNIN: 'no' }, 'WARDEN_PASSWORD_SIGNIN'],
  ])('refuses %j, naming the variable', async (values, message) => {
    const env = await readEnv(values);
    expect(() => env()).toThrow(message);
  });
});

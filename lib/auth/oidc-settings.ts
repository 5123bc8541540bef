import { env } from '../env';
import type { OidcRoleMap } from './oidc-role-map';

/** Single sign-on as configured (lib/env.ts validated it: all three of issuer, id and secret, or none). */
export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  scopes: string;
  jit: boolean;
  roleClaim: string;
  roleMap: OidcRoleMap | null;
};

export function oidcSettings(): OidcSettings | null {
  const settings = env();
  const {
    WARDEN_OIDC_ISSUER: issuer,
    WARDEN_OIDC_CLIENT_ID: clientId,
    WARDEN_OIDC_CLIENT_SECRET: clientSecret,
  } = settings;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer: issuer.replace(/\/+$/, ''),
    clientId,
    clientSecret,
    name: settings.WARDEN_OIDC_NAME,
    scopes: settings.WARDEN_OIDC_SCOPES,
    jit: settings.WARDEN_OIDC_JIT === 'on',
    roleClaim: settings.WARDEN_OIDC_ROLE_CLAIM,
    roleMap: settings.WARDEN_OIDC_ROLE_MAP,
  };
}

/** Whether people may sign in with a password (WARDEN_PASSWORD_SIGNIN); off is refused server-side, not just hidden. */
export function passwordSignInEnabled(): boolean {
  return env().WARDEN_PASSWORD_SIGNIN === 'on';
}

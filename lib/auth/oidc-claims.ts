/**
 * What Warden reads from an identity provider's ID token. Pure: the claims are untrusted shapes until read here.
 * The e-mail counts only when the provider says it verified it (`email_verified` true; some providers send the
 * string "true"); anything else reads as unverified, never as verified.
 */
export type OidcIdentity = {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  groups: string[];
};

export function readOidcIdentity(claims: Record<string, unknown>, roleClaim: string): OidcIdentity {
  const email =
    typeof claims.email === 'string' && claims.email.includes('@') ? claims.email.trim().toLowerCase() : null;
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 100) : null;
  return {
    subject: typeof claims.sub === 'string' ? claims.sub : '',
    email,
    emailVerified: email !== null && (claims.email_verified === true || claims.email_verified === 'true'),
    name,
    groups: readGroups(claimAt(claims, roleClaim)),
  };
}

/**
 * The claim by its exact name first (namespaced claims like `https://example.com/groups` hold dots), else by a dotted
 * path into nested objects (Keycloak's `realm_access.roles`).
 */
function claimAt(claims: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  let value: unknown = claims;
  for (const key of name.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A list of names, or one name; anything else (numbers, objects) names no group. */
function readGroups(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === 'string').map((item) => item.trim());
}

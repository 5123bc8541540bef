import { ROLES, type Role } from './permissions';

/** Roles are stored as a comma-separated list; unknown names are dropped rather than trusted. */
export function parseRoles(stored: string): Role[] {
  return stored
    .split(',')
    .map((role) => role.trim())
    .filter((role): role is Role => (ROLES as readonly string[]).includes(role));
}

export function serializeRoles(roles: readonly Role[]): string {
  return [...new Set(roles)].join(',');
}

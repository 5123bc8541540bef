import { ROLES, type Role } from './permissions';

/**
 * Which Warden roles an identity provider's groups give, from `WARDEN_OIDC_ROLE_MAP`: comma-separated
 * `group=role` entries, e.g. `warden-admins=admin,warden-owners=owner,warden-reviewers=reviewer,*=viewer`. A person
 * gets every role one of their groups names (a group may appear in several entries); `*=role` is the default, given
 * only when none of their groups is in the map. Without a default, a person none of whose groups is mapped gets no
 * role, and is refused.
 */
export type OidcRoleMap = { entries: ReadonlyArray<{ group: string; role: Role }>; fallback: Role | null };

export type RoleMapParse = { ok: true; map: OidcRoleMap } | { ok: false; problems: string[] };

/** Every problem of the text at once, each naming the entry, so an operator fixes them in one go. */
export function parseOidcRoleMap(text: string): RoleMapParse {
  const problems: string[] = [];
  const entries: Array<{ group: string; role: Role }> = [];
  let fallback: Role | null = null;
  const parts = text.split(',').map((part) => part.trim());
  if (parts.every((part) => part === '')) return { ok: false, problems: ['the map is empty: give group=role entries'] };
  parts.forEach((part, index) => {
    const where = `entry ${index + 1}${part ? ` "${part}"` : ''}`;
    if (part === '') return problems.push(`${where} is empty (two commas in a row?)`);
    const equals = part.indexOf('=');
    if (equals === -1) return problems.push(`${where} has no "=": write group=role`);
    const group = part.slice(0, equals).trim();
    const role = part.slice(equals + 1).trim();
    if (group === '') return problems.push(`${where} names no group before "="`);
    if (!(ROLES as readonly string[]).includes(role)) {
      return problems.push(`${where}: "${role}" is not a role (one of ${ROLES.join(', ')})`);
    }
    if (group === '*') {
      if (fallback !== null) return problems.push(`${where}: a second default ("*"); give one`);
      fallback = role as Role;
      return;
    }
    if (entries.some((entry) => entry.group === group && entry.role === role)) {
      return problems.push(`${where} repeats an earlier entry`);
    }
    entries.push({ group, role: role as Role });
  });
  return problems.length ? { ok: false, problems } : { ok: true, map: { entries, fallback } };
}

/** The roles for these groups, in the order of ROLES, without repeats; empty when nothing maps and there is no default. */
export function mapGroupsToRoles(map: OidcRoleMap, groups: readonly string[]): Role[] {
  const given = new Set(map.entries.filter((entry) => groups.includes(entry.group)).map((entry) => entry.role));
  if (given.size === 0 && map.fallback) given.add(map.fallback);
  return ROLES.filter((role) => given.has(role));
}

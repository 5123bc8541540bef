/**
 * One permission vocabulary for people and agent keys. A role or an agent key is just a set of these;
 * every domain function asks `assertCan(actor, permission)` before it touches anything.
 */
export const PERMISSIONS = [
  'actions.propose', // agent: submit a tool call
  'actions.execute', // agent: claim its released action and report the result
  'actions.read_own', // agent: read its own actions and authority
  'actions.read', // people: see actions and their parameters
  'actions.decide', // approve or reject a pending action
  'actions.read_sensitive', // see parameters a tool marks sensitive (others see them masked)
  'agents.read',
  'agents.control', // pause/resume, draft-only mode, grants, keys, requester key (owners: only their own agents)
  'agents.manage', // create agents
  'tools.manage', // create, edit, enable and disable tools
  'grants.govern', // set the admin floors; approve or reject an owner's held loosening of a grant
  'reviewers.manage', // reviewer groups and their members, notification channels
  'switches.manage', // global stop and release
  'incidents.manage', // open, work and close incidents; request and approve the return to normal
  'actions.rollback', // request the compensation of an executed action, record a manual rollback, restore grants as of a time
  'audit.read',
  'audit.verify', // run a verification of the audit chain now (the background check runs anyway)
  'users.manage',
  'mcp.manage', // register and refresh upstream MCP servers, accept or dismiss the tool changes they bring
  'database.restore', // replace the database with a checked backup (the admin CLI on the server only; no console path)
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['admin', 'owner', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    'actions.read',
    'actions.decide',
    'actions.read_sensitive',
    'agents.read',
    'agents.control',
    'agents.manage',
    'tools.manage',
    'grants.govern',
    'reviewers.manage',
    'switches.manage',
    'audit.read',
    'audit.verify',
    'users.manage',
    'actions.rollback',
    'incidents.manage',
    'mcp.manage',
    'database.restore',
  ],
  owner: ['actions.read', 'agents.read', 'agents.control', 'audit.read'],
  reviewer: ['actions.read', 'actions.decide', 'actions.read_sensitive', 'agents.read', 'audit.read'],
  viewer: ['actions.read', 'agents.read', 'audit.read'],
};

/** What an agent key may do: only the agent API, never console, policy or switch operations. */
export const AGENT_KEY_PERMISSIONS: readonly Permission[] = ['actions.propose', 'actions.execute', 'actions.read_own'];

export function permissionsForRoles(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

import { WardenError } from '../errors';
import { AGENT_KEY_PERMISSIONS, permissionsForRoles, type Permission, type Role } from './permissions';

/** Who is doing something: passed explicitly into every domain function that reads or changes state. */
export type Actor =
  | { type: 'user'; id: string; email: string; name: string; roles: Role[] }
  | { type: 'agent'; id: string; name: string; keyId: string }
  | { type: 'cli'; id: string } // the admin CLI on the server itself: full authority, audited as such
  | { type: 'system'; id: string };

/** A signed-in person. */
export type UserActor = Extract<Actor, { type: 'user' }>;

export function permissionsOf(actor: Actor): ReadonlySet<Permission> {
  switch (actor.type) {
    case 'user':
      return permissionsForRoles(actor.roles);
    case 'agent':
      return new Set(AGENT_KEY_PERMISSIONS);
    case 'cli':
    case 'system':
      return permissionsForRoles(['admin']);
  }
}

export function can(actor: Actor, permission: Permission): boolean {
  return permissionsOf(actor).has(permission);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new WardenError('forbidden', `Not allowed: this needs the "${permission}" permission.`, { permission });
  }
}

export function isAdmin(actor: Actor): boolean {
  return actor.type === 'cli' || actor.type === 'system' || (actor.type === 'user' && actor.roles.includes('admin'));
}

export function auditActor(actor: Actor): { actorType: string; actorId: string } {
  return { actorType: actor.type, actorId: actor.id };
}

export function describeActor(actor: Actor): string {
  switch (actor.type) {
    case 'user':
      return actor.email;
    case 'agent':
      return `agent ${actor.name}`;
    default:
      return actor.type;
  }
}

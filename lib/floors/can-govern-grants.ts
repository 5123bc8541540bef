import { assertCan, can, type Actor } from '../auth/actor';

/**
 * Who sets the admin floors and approves a held loosening of a grant (admins, and the CLI): the people who write
 * that policy are the ones who may make an exception to it.
 */
export function canGovernGrants(actor: Actor): boolean {
  return can(actor, 'grants.govern');
}

export function assertCanGovernGrants(actor: Actor): void {
  assertCan(actor, 'grants.govern');
}

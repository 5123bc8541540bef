import { assertCan, can, type Actor } from '../auth/actor';

/**
 * Who sets the admin floors and approves a held loosening of a grant: whoever manages the tool catalogue (admins).
 * The floors are policy about tools; the people who write that policy are the ones who may make an exception to it.
 */
export function canGovernGrants(actor: Actor): boolean {
  return can(actor, 'tools.manage');
}

export function assertCanGovernGrants(actor: Actor): void {
  assertCan(actor, 'tools.manage');
}

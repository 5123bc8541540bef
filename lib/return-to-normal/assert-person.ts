import { assertCan, type Actor } from '../auth/actor';
import { WardenError } from '../errors';

/**
 * The return to normal is asked for and decided by people in the console (incidents.manage); the admin CLI's
 * `release` / `switch release` is the break-glass path instead, audited as such.
 */
export function assertPerson(actor: Actor): Extract<Actor, { type: 'user' }> {
  assertCan(actor, 'incidents.manage');
  if (actor.type !== 'user')
    throw new WardenError(
      'forbidden',
      'The return to normal is decided by people in the console; the CLI releases as break-glass instead.',
    );
  return actor;
}

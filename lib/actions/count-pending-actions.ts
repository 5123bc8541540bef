import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';

/** How many actions wait for a person: the number beside "Queue" in the console's navigation. */
export async function countPendingActions(actor: Actor): Promise<number> {
  assertCan(actor, 'actions.read');
  return db().action.count({ where: { status: 'pending_review' } });
}

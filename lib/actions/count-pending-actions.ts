import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { expireOverdueActions } from './expire-action';

/** How many actions wait for a person: the number beside "Queue" in the console's navigation. */
export async function countPendingActions(actor: Actor): Promise<number> {
  assertCan(actor, 'actions.read');
  // Every console page counts the queue: the natural moment to expire what passed its deadline.
  await expireOverdueActions();
  return db().action.count({ where: { status: 'pending_review' } });
}

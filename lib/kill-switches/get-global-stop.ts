import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { GLOBAL_STOP_ID } from './global-stop';

/** For display: whether the stop is engaged, and by whom/when it last changed. */
export async function getGlobalStop(actor: Actor) {
  assertCan(actor, 'agents.read');
  const row = await db().switch.findUnique({ where: { id: GLOBAL_STOP_ID } });
  const changedBy = row?.changedById ? await db().user.findUnique({ where: { id: row.changedById }, select: { name: true, email: true } }) : null;
  return { engaged: row ? row.engaged : true, changedAt: row?.changedAt ?? null, changedBy };
}

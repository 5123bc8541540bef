import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { GLOBAL_STOP_ID } from './global-stop';

/** The global stop for the banner: engaged or not, since when, by whom, why. */
export async function getGlobalStop(actor: Actor) {
  assertCan(actor, 'agents.read');
  const row = await db().switch.findUnique({ where: { id: GLOBAL_STOP_ID } });
  const byId = row?.engagedById ?? row?.changedById;
  const changedBy = byId
    ? await db().user.findUnique({ where: { id: byId }, select: { name: true, email: true } })
    : null;
  return {
    engaged: row ? row.engaged : true,
    changedAt: row ? (row.engagedAt ?? row.changedAt) : null,
    changedBy,
    reason: row?.reason ?? '',
  };
}

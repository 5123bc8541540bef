import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { GLOBAL_STOP_ID } from './global-stop';

/**
 * Stop all agents / release. While engaged, every proposal and every claim is blocked; people keep working.
 * Asking for the state it is already in changes nothing (`changed: false`).
 */
async function setGlobalStop(actor: Actor, engaged: boolean): Promise<{ changed: boolean }> {
  assertCan(actor, 'switches.manage');
  return db().$transaction(async (tx) => {
    const changedById = actor.type === 'user' ? actor.id : null;
    const { count } = await tx.switch.updateMany({
      where: { id: GLOBAL_STOP_ID, engaged: !engaged },
      data: { engaged, changedById, changedAt: new Date() },
    });
    if (count === 1) {
      await recordAuditEvent(tx, { actor, type: engaged ? 'switch.global_stop_engaged' : 'switch.global_stop_released', payload: {} });
    }
    return { changed: count === 1 };
  });
}

export function engageGlobalStop(actor: Actor) {
  return setGlobalStop(actor, true);
}

export function releaseGlobalStop(actor: Actor) {
  return setGlobalStop(actor, false);
}

import type { Switch } from '../generated/sqlite/client';
import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Tx } from '../db/client';
import { GLOBAL_STOP_ID, lockSwitches } from './global-stop';

export type ReleaseInTxOptions = {
  reason: string;
  /** Released outside the console's rules (the CLI on the server): said in the audit. */
  breakGlass: boolean;
  /** Extra audit facts from the caller (e.g. the return-to-normal request that released it). */
  audit?: Record<string, unknown>;
};

/**
 * Releases one switch inside the caller's transaction: a compare-and-set on the engaged row and its audit event.
 * Every path that releases (the Controls page, the CLI, an incident's return to normal) ends here, so what a release
 * does to the work the switch held is written once. Releasing never approves or runs anything by itself.
 * Returns false when the switch was not engaged (nothing written).
 */
export async function releaseSwitchInTx(tx: Tx, actor: Actor, row: Switch, options: ReleaseInTxOptions): Promise<boolean> {
  await lockSwitches(tx);
  const now = new Date();
  const byId = actor.type === 'user' ? actor.id : null;
  const released = { engaged: false, releasedById: byId, releasedAt: now, releaseReason: options.reason, changedById: byId, changedAt: now };
  const facts = { reason: options.reason, breakGlass: options.breakGlass, ...options.audit };
  if (row.id === GLOBAL_STOP_ID) {
    const { count } = await tx.switch.updateMany({ where: { id: GLOBAL_STOP_ID, engaged: true }, data: released });
    if (count === 1) await recordAuditEvent(tx, { actor, type: 'switch.global_stop_released', payload: facts });
    return count === 1;
  }
  const { count } = await tx.switch.updateMany({ where: { id: row.id, engagedKey: { not: null } }, data: { ...released, engagedKey: null } });
  if (count === 1) {
    await recordAuditEvent(tx, {
      actor, agentId: row.agentId, type: 'switch.released',
      payload: { switchId: row.id, scope: row.scope, effect: row.effect, ...facts },
    });
  }
  return count === 1;
}

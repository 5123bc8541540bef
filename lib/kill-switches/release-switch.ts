import { assertCan, can, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { assertCanManageSwitch } from './authorize-switch';
import { GLOBAL_STOP_ID, lockSwitches } from './global-stop';
import { releaseSwitchSchema, type ReleaseSwitchInput } from './schemas';
import { verifyStepUp } from './verify-step-up';

export type ReleaseResult = { id: string; changed: boolean };

/**
 * Releases a switch: a required reason, and for a person in the console their password again (step-up). The CLI,
 * run on the server itself, is the break-glass path: no step-up, audited with breakGlass. Releasing never approves
 * or runs anything by itself: what the switch refused stays refused, what waits still waits for a person.
 * Releasing what is not engaged changes nothing (`changed: false`) and writes no event.
 */
export async function releaseSwitch(actor: Actor, input: ReleaseSwitchInput, address = 'unknown'): Promise<ReleaseResult> {
  if (actor.type === 'agent') throw new WardenError('forbidden', 'An agent cannot engage or release a switch.');
  if (!can(actor, 'switches.manage')) assertCan(actor, 'agents.control');
  const data = releaseSwitchSchema.parse(input);
  const row = await db().switch.findUnique({ where: { id: data.id } });
  if (!row) throw new WardenError('not_found', 'No such switch.');
  const agent = row.agentId ? await db().agent.findUnique({ where: { id: row.agentId }, select: { ownerId: true, name: true } }) : null;
  assertCanManageSwitch(actor, { scope: row.scope, agent });
  const breakGlass = actor.type !== 'user';
  if (actor.type === 'user') await verifyStepUp(actor, data.password, address);
  // Seam for the two-person rule (issue 13 §3): the global stop, and any switch opened by an incident, will need a
  // second admin's approval here for a console release; the CLI stays the audited break-glass path.

  return db().$transaction(async (tx) => {
    await lockSwitches(tx);
    const now = new Date();
    const byId = actor.type === 'user' ? actor.id : null;
    const released = { engaged: false, releasedById: byId, releasedAt: now, releaseReason: data.reason, changedById: byId, changedAt: now };
    if (row.id === GLOBAL_STOP_ID) {
      const { count } = await tx.switch.updateMany({ where: { id: GLOBAL_STOP_ID, engaged: true }, data: released });
      if (count === 1) await recordAuditEvent(tx, { actor, type: 'switch.global_stop_released', payload: { reason: data.reason, breakGlass } });
      return { id: row.id, changed: count === 1 };
    }
    const { count } = await tx.switch.updateMany({ where: { id: row.id, engagedKey: { not: null } }, data: { ...released, engagedKey: null } });
    if (count === 1) {
      await recordAuditEvent(tx, {
        actor, agentId: row.agentId, type: 'switch.released',
        payload: { switchId: row.id, scope: row.scope, effect: row.effect, reason: data.reason, breakGlass },
      });
    }
    return { id: row.id, changed: count === 1 };
  });
}

/** Release the global stop (the CLI's `release`; specs). */
export async function releaseGlobalStop(actor: Actor, reason = 'global stop released', password?: string, address?: string): Promise<{ changed: boolean }> {
  const { changed } = await releaseSwitch(actor, { id: GLOBAL_STOP_ID, reason, password }, address);
  return { changed };
}

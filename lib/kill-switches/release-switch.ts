import { assertCan, can, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { assertCanManageSwitch } from './authorize-switch';
import { GLOBAL_STOP_ID } from './global-stop';
import { releaseSwitchInTx } from './release-switch-in-tx';
import { releaseSwitchSchema, type ReleaseSwitchInput } from './schemas';
import { verifyStepUp } from './verify-step-up';

export type ReleaseResult = { id: string; changed: boolean };

/**
 * Releases a switch: a required reason, and for a person in the console their password again (step-up). The CLI,
 * run on the server itself, is the break-glass path: no step-up, audited with breakGlass. Releasing never approves
 * or runs anything by itself: what the switch refused stays refused, what waits still waits for a person.
 * Releasing what is not engaged changes nothing (`changed: false`) and writes no event.
 */
export async function releaseSwitch(
  actor: Actor,
  input: ReleaseSwitchInput,
  address = 'unknown',
): Promise<ReleaseResult> {
  if (actor.type === 'agent') throw new WardenError('forbidden', 'An agent cannot engage or release a switch.');
  if (!can(actor, 'switches.manage')) assertCan(actor, 'agents.control');
  const data = releaseSwitchSchema.parse(input);
  const row = await db().switch.findUnique({ where: { id: data.id } });
  if (!row) throw new WardenError('not_found', 'No such switch.');
  const agent = row.agentId
    ? await db().agent.findUnique({ where: { id: row.agentId }, select: { ownerId: true, name: true } })
    : null;
  assertCanManageSwitch(actor, { scope: row.scope, agent });
  const breakGlass = actor.type !== 'user';
  if (actor.type === 'user') {
    // The two-person rule (issue 13 §3): a person releases these only through the return to normal
    // (lib/return-to-normal/); the CLI, run on the server itself, stays the audited break-glass path.
    const refusal = await twoPersonRefusal(row);
    if (refusal)
      throw new WardenError('conflict', refusal, {
        returnToNormal: row.incidentId ? `/incidents/${row.incidentId}/recovery` : '/controls',
      });
    await verifyStepUp(actor, data.password, address);
  }

  return db().$transaction(async (tx) => ({
    id: row.id,
    changed: await releaseSwitchInTx(tx, actor, row, { reason: data.reason, breakGlass }),
  }));
}

/** Why a person may not release this switch on its own in the console, or null. */
async function twoPersonRefusal(row: { id: string; incidentId: string | null }): Promise<string | null> {
  if (row.id === GLOBAL_STOP_ID) {
    return 'The global stop is released through the return to normal: "Request release" on Controls, then another admin approves (a workspace\'s only admin releases with their password there).';
  }
  if (!row.incidentId) return null;
  const incident = await db().incident.findUnique({ where: { id: row.incidentId }, select: { title: true } });
  return `This switch was engaged by incident "${incident?.title ?? row.incidentId}": it is released with the incident's return to normal, which another admin approves (Incidents › Return to normal, /incidents/${row.incidentId}/recovery).`;
}

/** Release the global stop (the CLI's `release`; specs). */
export async function releaseGlobalStop(
  actor: Actor,
  reason = 'global stop released',
  password?: string,
  address?: string,
): Promise<{ changed: boolean }> {
  const { changed } = await releaseSwitch(actor, { id: GLOBAL_STOP_ID, reason, password }, address);
  return { changed };
}

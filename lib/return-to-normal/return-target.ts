import type { Tx } from '../db/client';
import { WardenError } from '../errors';
import { GLOBAL_STOP_ID, lockSwitches } from '../kill-switches/global-stop';
import type { ReturnTarget } from './schemas';

export type ResolvedTarget = {
  incidentId: string | null;
  switchId: string | null;
  /** Words for people and the audit: `incident "<title>"` or `the global stop`. */
  label: string;
};

/** The request rows of this target (the where clause). */
export function targetWhere(target: ResolvedTarget) {
  return target.incidentId ? { incidentId: target.incidentId } : { switchId: target.switchId };
}

/** Reads the target (404 when the incident does not exist). */
export async function resolveTarget(tx: Tx, target: ReturnTarget): Promise<ResolvedTarget> {
  if ('switchId' in target) return { incidentId: null, switchId: GLOBAL_STOP_ID, label: 'the global stop' };
  const incident = await tx.incident.findUnique({
    where: { id: target.incidentId },
    select: { id: true, title: true },
  });
  if (!incident) throw new WardenError('not_found', 'No such incident.');
  return { incidentId: incident.id, switchId: null, label: `incident "${incident.title}"` };
}

/**
 * Serialises the changes of one target's requests: on PostgreSQL a row lock (the incident's row, or the global stop's
 * row that every engage and release takes anyway), so "at most one pending request" and "approve once" hold under
 * concurrent callers; SQLite runs one writing transaction at a time already. The incident's version is not moved.
 */
export async function lockTarget(tx: Tx, target: ResolvedTarget): Promise<void> {
  if (target.incidentId)
    await tx.incident.updateMany({ where: { id: target.incidentId }, data: { version: { increment: 0 } } });
  else await lockSwitches(tx);
}

export function targetOfRequest(request: { incidentId: string | null; switchId: string | null }): ReturnTarget {
  if (request.incidentId) return { incidentId: request.incidentId };
  if (request.switchId === GLOBAL_STOP_ID) return { switchId: GLOBAL_STOP_ID };
  throw new WardenError('conflict', 'This request names no target Warden can return to normal.');
}

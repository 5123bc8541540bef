import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { assertCanGovernGrants } from '../floors/can-govern-grants';
import { readPendingChange } from './read-pending-change';

/** An admin refuses an owner's held loosening: the grant stays as it is. Terminal. */
export async function rejectGrantChange(actor: Actor, input: { changeRequestId: string; note?: string | null }) {
  assertCanGovernGrants(actor);
  const note = input.note?.trim().slice(0, 1000) || null;
  await db().$transaction(async (tx) => {
    const request = await readPendingChange(tx, input.changeRequestId);
    const { count } = await tx.grantChangeRequest.updateMany({
      where: { id: request.id, status: 'pending' },
      data: { status: 'rejected', note, decidedById: actor.type === 'user' ? actor.id : null, decidedAt: new Date() },
    });
    if (count !== 1) throw new WardenError('conflict', 'This held change was decided meanwhile; reload.');
    await recordAuditEvent(tx, {
      actor,
      agentId: request.agentId,
      type: 'grant.change_rejected',
      payload: { tool: request.toolName, changeRequestId: request.id, note },
    });
  });
}

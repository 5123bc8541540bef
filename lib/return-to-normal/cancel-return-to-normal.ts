import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { cancelRefusal } from '../policy/return-to-normal';
import { assertPerson } from './assert-person';
import { readRequest } from './read-request';
import { lockTarget, resolveTarget, targetOfRequest } from './return-target';
import { cancelReturnSchema, type CancelReturnInput } from './schemas';

/** The requester withdraws their pending request: nothing is released. */
export async function cancelReturnToNormal(
  actor: Actor,
  input: CancelReturnInput,
  now = new Date(),
): Promise<{ requestId: string }> {
  const person = assertPerson(actor);
  const data = cancelReturnSchema.parse(input);
  return db().$transaction(async (tx) => {
    const request = await readRequest(tx, data.requestId);
    const target = await resolveTarget(tx, targetOfRequest(request));
    await lockTarget(tx, target);
    const refusal = cancelRefusal(request, person, now);
    if (refusal)
      throw new WardenError(request.requestedById === person.id ? 'conflict' : 'forbidden', refusal, {
        status: request.status,
      });
    const { count } = await tx.returnToNormalRequest.updateMany({
      where: { id: request.id, status: 'pending', requestedById: person.id, expiresAt: { gt: now } },
      data: { status: 'cancelled', decidedById: person.id, decidedAt: now },
    });
    if (count !== 1) throw new WardenError('conflict', 'This request was decided meanwhile; reload.');
    await recordAuditEvent(tx, {
      actor,
      type: 'return_to_normal.cancelled',
      payload: {
        requestId: request.id,
        incidentId: target.incidentId,
        switchId: target.switchId,
        target: target.label,
        reason: request.reason,
      },
    });
    return { requestId: request.id };
  });
}

import type { Actor } from '../auth/actor';
import { parseRoles } from '../auth/roles';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { decisionRefusal } from '../policy/return-to-normal';
import { assertPerson } from './assert-person';
import { readRequest } from './read-request';
import { lockTarget, resolveTarget, targetOfRequest } from './return-target';
import { reviewReturnSchema, type ReviewReturnInput } from './schemas';

/** Another admin turns a pending request down (optionally saying why): nothing is released, a new request may follow. */
export async function rejectReturnToNormal(actor: Actor, input: ReviewReturnInput, now = new Date()): Promise<{ requestId: string }> {
  const person = assertPerson(actor);
  const data = reviewReturnSchema.parse(input);
  return db().$transaction(async (tx) => {
    const request = await readRequest(tx, data.requestId);
    const target = await resolveTarget(tx, targetOfRequest(request));
    await lockTarget(tx, target);
    const decider = await tx.user.findUnique({ where: { id: person.id }, select: { id: true, roles: true, disabled: true } });
    if (!decider) throw new WardenError('unauthenticated', 'Your session has ended. Sign in again.');
    const refusal = decisionRefusal(request, { id: decider.id, roles: parseRoles(decider.roles), disabled: decider.disabled }, 'reject', now);
    if (refusal) throw new WardenError(request.status === 'pending' && request.expiresAt > now ? 'forbidden' : 'conflict', refusal, { status: request.status });
    const { count } = await tx.returnToNormalRequest.updateMany({
      where: { id: request.id, status: 'pending', expiresAt: { gt: now } },
      data: { status: 'rejected', decidedById: person.id, decidedAt: now, decisionNote: data.note },
    });
    if (count !== 1) throw new WardenError('conflict', 'This request was decided meanwhile; reload.');
    await recordAuditEvent(tx, {
      actor, type: 'return_to_normal.rejected',
      payload: { requestId: request.id, incidentId: target.incidentId, switchId: target.switchId, target: target.label, reason: request.reason, note: data.note },
    });
    return { requestId: request.id };
  });
}

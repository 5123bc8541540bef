import type { Actor } from '../auth/actor';
import { parseRoles } from '../auth/roles';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { decisionRefusal } from '../policy/return-to-normal';
import { applyReturnPlan, type AppliedReturn } from './apply-return-plan';
import { assertPerson } from './assert-person';
import { readRequest, requesterEmail } from './read-request';
import { lockTarget, resolveTarget, targetOfRequest } from './return-target';
import { reviewReturnSchema, type ReviewReturnInput } from './schemas';

/**
 * Another admin approves a pending request before it expires, and the return to normal happens in the same
 * transaction: a compare-and-set on the request (pending and not expired), each switch released through
 * releaseSwitchInTx (its audit names the request), each agent the incident paused resumed by a compare-and-set, and
 * the request's own event. Approving approves, claims or runs no action. `now` is the clock (tests pass one).
 */
export async function approveReturnToNormal(actor: Actor, input: ReviewReturnInput, now = new Date()): Promise<{ requestId: string } & AppliedReturn> {
  const person = assertPerson(actor);
  const data = reviewReturnSchema.parse(input);
  return db().$transaction(async (tx) => {
    const request = await readRequest(tx, data.requestId);
    const target = await resolveTarget(tx, targetOfRequest(request));
    await lockTarget(tx, target);
    const approver = await tx.user.findUnique({ where: { id: person.id }, select: { id: true, roles: true, disabled: true } });
    if (!approver) throw new WardenError('unauthenticated', 'Your session has ended. Sign in again.');
    const refusal = decisionRefusal(request, { id: approver.id, roles: parseRoles(approver.roles), disabled: approver.disabled }, 'approve', now);
    if (refusal) throw new WardenError(request.status === 'pending' && request.expiresAt > now ? 'forbidden' : 'conflict', refusal, { status: request.status });
    const { count } = await tx.returnToNormalRequest.updateMany({
      where: { id: request.id, status: 'pending', expiresAt: { gt: now } },
      data: { status: 'approved', decidedById: person.id, decidedAt: now, decisionNote: data.note },
    });
    if (count !== 1) throw new WardenError('conflict', 'This request was decided meanwhile; reload.');
    const applied = await applyReturnPlan(tx, actor, target, { id: request.id, reason: request.reason, singleAdmin: false });
    await recordAuditEvent(tx, {
      actor, type: 'return_to_normal.approved',
      payload: {
        requestId: request.id, incidentId: target.incidentId, switchId: target.switchId, target: target.label, reason: request.reason,
        requestedBy: await requesterEmail(tx, request.requestedById), note: data.note, ...applied,
      },
    });
    return { requestId: request.id, ...applied };
  });
}

import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { applyReturnPlan, type AppliedReturn } from './apply-return-plan';
import { assertPerson } from './assert-person';
import { requesterEmail } from './read-request';
import { reviewReturnSchema, type ReviewReturnInput } from './schemas';
import { settleReturnRequest } from './settle-return-request';

/**
 * Another admin approves a pending request before it expires, and the return to normal happens in the same
 * transaction: a compare-and-set on the request (pending and not expired), each switch released through
 * releaseSwitchInTx (its audit names the request), each agent the incident paused resumed by a compare-and-set, and
 * the request's own event. Approving approves, claims or runs no action. `now` is the clock (tests pass one).
 */
export async function approveReturnToNormal(
  actor: Actor,
  input: ReviewReturnInput,
  now = new Date(),
): Promise<{ requestId: string } & AppliedReturn> {
  const person = assertPerson(actor);
  const data = reviewReturnSchema.parse(input);
  return db().$transaction(async (tx) => {
    const { request, target } = await settleReturnRequest(tx, person, {
      requestId: data.requestId,
      status: 'approved',
      note: data.note,
      now,
    });
    const applied = await applyReturnPlan(tx, actor, target, {
      id: request.id,
      reason: request.reason,
      singleAdmin: false,
    });
    await recordAuditEvent(tx, {
      actor,
      type: 'return_to_normal.approved',
      payload: {
        requestId: request.id,
        incidentId: target.incidentId,
        switchId: target.switchId,
        target: target.label,
        reason: request.reason,
        requestedBy: await requesterEmail(tx, request.requestedById),
        note: data.note,
        ...applied,
      },
    });
    return { requestId: request.id, ...applied };
  });
}

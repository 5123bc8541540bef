import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { assertPerson } from './assert-person';
import { reviewReturnSchema, type ReviewReturnInput } from './schemas';
import { settleReturnRequest } from './settle-return-request';

/** Another admin turns a pending request down (optionally saying why): nothing is released, a new request may follow. */
export async function rejectReturnToNormal(
  actor: Actor,
  input: ReviewReturnInput,
  now = new Date(),
): Promise<{ requestId: string }> {
  const person = assertPerson(actor);
  const data = reviewReturnSchema.parse(input);
  return db().$transaction(async (tx) => {
    const { request, target } = await settleReturnRequest(tx, person, {
      requestId: data.requestId,
      status: 'rejected',
      note: data.note,
      now,
    });
    await recordAuditEvent(tx, {
      actor,
      type: 'return_to_normal.rejected',
      payload: {
        requestId: request.id,
        incidentId: target.incidentId,
        switchId: target.switchId,
        target: target.label,
        reason: request.reason,
        note: data.note,
      },
    });
    return { requestId: request.id };
  });
}

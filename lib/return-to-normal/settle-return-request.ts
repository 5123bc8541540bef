import type { Actor } from '../auth/actor';
import { parseRoles } from '../auth/roles';
import type { Tx } from '../db/client';
import { WardenError } from '../errors';
import { decisionRefusal } from '../policy/return-to-normal';
import { readRequest } from './read-request';
import { lockTarget, resolveTarget, targetOfRequest } from './return-target';

type Person = Extract<Actor, { type: 'user' }>;

/**
 * The step approving and rejecting share, inside the caller's transaction: lock the request's target, check the
 * decider against the pure rule (another active admin, before expiry), then compare-and-set the request from
 * pending to `status`. Returns the request and its target for the caller's own effects and audit event.
 */
export async function settleReturnRequest(
  tx: Tx,
  person: Person,
  settle: { requestId: string; status: 'approved' | 'rejected'; note: string | null; now: Date },
) {
  const request = await readRequest(tx, settle.requestId);
  const target = await resolveTarget(tx, targetOfRequest(request));
  await lockTarget(tx, target);
  const decider = await tx.user.findUnique({
    where: { id: person.id },
    select: { id: true, roles: true, disabled: true },
  });
  if (!decider) throw new WardenError('unauthenticated', 'Your session has ended. Sign in again.');
  const verb = settle.status === 'approved' ? 'approve' : 'reject';
  const refusal = decisionRefusal(
    request,
    { id: decider.id, roles: parseRoles(decider.roles), disabled: decider.disabled },
    verb,
    settle.now,
  );
  if (refusal)
    throw new WardenError(
      request.status === 'pending' && request.expiresAt > settle.now ? 'forbidden' : 'conflict',
      refusal,
      { status: request.status },
    );
  const { count } = await tx.returnToNormalRequest.updateMany({
    where: { id: request.id, status: 'pending', expiresAt: { gt: settle.now } },
    data: { status: settle.status, decidedById: person.id, decidedAt: settle.now, decisionNote: settle.note },
  });
  if (count !== 1) throw new WardenError('conflict', 'This request was decided meanwhile; reload.');
  return { request, target };
}

import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { assertCanGovernGrants } from '../floors/can-govern-grants';
import { describeLoosening } from '../policy/grant-loosening';
import type { GrantPolicy } from '../policy/grant-policy';
import { assertConditionParamsKnown } from './assert-grant-fits-tool';
import { assertReviewGroupsExist } from './assert-review-groups-exist';
import { readPendingChange } from './read-pending-change';
import { rulesToPolicy, toGrantColumns, toGrantPolicy } from './to-grant-policy';
import { changedMeanwhile } from './update-grant';

/**
 * An admin approves an owner's held loosening: it becomes the grant's next version, but only onto the version it was
 * written against. If the grant moved meanwhile, the held change is marked stale (audited) and refused with a 409:
 * approving it would silently undo the change made in between.
 */
export async function approveGrantChange(actor: Actor, input: { changeRequestId: string }) {
  assertCanGovernGrants(actor);
  const outcome = await db().$transaction(async (tx) => {
    const request = await readPendingChange(tx, input.changeRequestId);
    const grant = await tx.grant.findUnique({ where: { id: request.grantId }, include: { tool: true } });
    if (!grant || grant.version !== request.baseVersion) {
      const { count } = await tx.grantChangeRequest.updateMany({
        where: { id: request.id, status: 'pending' },
        data: { status: 'stale', decidedById: actor.type === 'user' ? actor.id : null, decidedAt: new Date() },
      });
      if (count !== 1) throw new WardenError('conflict', 'This held change was decided meanwhile; reload.');
      await recordAuditEvent(tx, {
        actor,
        agentId: request.agentId,
        type: 'grant.change_stale',
        payload: {
          tool: request.toolName,
          changeRequestId: request.id,
          baseVersion: request.baseVersion,
          version: grant?.version ?? null,
        },
      });
      return { stale: true as const, version: grant?.version ?? null };
    }

    await assertReviewGroupsExist(tx, request.rules);
    assertConditionParamsKnown(grant.tool, request.rules);
    const decided = await tx.grantChangeRequest.updateMany({
      where: { id: request.id, status: 'pending' },
      data: { status: 'approved', decidedById: actor.type === 'user' ? actor.id : null, decidedAt: new Date() },
    });
    if (decided.count !== 1) throw new WardenError('conflict', 'This held change was decided meanwhile; reload.');
    const version = grant.version + 1;
    const { count } = await tx.grant.updateMany({
      where: { id: grant.id, version: grant.version },
      data: { ...toGrantColumns(request.rules), version, updatedById: request.requestedById },
    });
    if (count !== 1) throw changedMeanwhile(grant.version);

    const before = toGrantPolicy(grant)!;
    const loosened = describeLoosening(before, rulesToPolicy(request.rules) as GrantPolicy).map(
      (loosening) => loosening.words,
    );
    const requester = await tx.user.findUnique({ where: { id: request.requestedById }, select: { email: true } });
    await recordAuditEvent(tx, {
      actor,
      agentId: request.agentId,
      type: 'grant.updated',
      payload: { tool: grant.tool.name, version, before, after: request.rules, loosened, changeRequestId: request.id },
    });
    await recordAuditEvent(tx, {
      actor,
      agentId: request.agentId,
      type: 'grant.change_approved',
      payload: {
        tool: grant.tool.name,
        changeRequestId: request.id,
        version,
        requestedBy: requester?.email ?? request.requestedById,
      },
    });
    return { stale: false as const, version };
  });
  if (outcome.stale) {
    throw new WardenError(
      'conflict',
      outcome.version === null
        ? 'The grant was revoked since this change was requested; the held change is stale and was not applied.'
        : `The grant changed since this was requested (now version ${outcome.version}); the held change is stale and was not applied.`,
      { version: outcome.version },
    );
  }
  return { version: outcome.version };
}

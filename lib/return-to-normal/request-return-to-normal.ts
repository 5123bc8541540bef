import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db/client';
import { env } from '../env';
import { WardenError } from '../errors';
import { requestExpiresAt } from '../policy/return-to-normal';
import { assertPerson } from './assert-person';
import { readReturnPlan } from './read-return-plan';
import { lockTarget, resolveTarget, targetWhere, type ResolvedTarget } from './return-target';
import { requestReturnSchema, type RequestReturnInput } from './schemas';

/**
 * An admin asks to return a target to normal (release an incident's switches and resume the agents it paused, or
 * release the global stop), with a reason. Another admin approves it before it expires
 * (`WARDEN_RETURN_TO_NORMAL_TTL_MINUTES`, default 60). At most one request waits per target; asking when there is
 * nothing to release is refused. Changes nothing else: the switches hold until the approval.
 */
export async function requestReturnToNormal(
  actor: Actor,
  input: RequestReturnInput,
): Promise<{ id: string; expiresAt: Date }> {
  const person = assertPerson(actor);
  const data = requestReturnSchema.parse(input);
  const ttlMinutes = env().WARDEN_RETURN_TO_NORMAL_TTL_MINUTES;
  return db().$transaction(async (tx) => {
    const target = await resolveTarget(tx, data.target);
    await lockTarget(tx, target);
    const now = new Date();
    await assertNoPendingRequest(tx, target, now);
    const plan = await readReturnPlan(tx, target);
    if (plan.switches.length === 0 && plan.agentsToResume.length === 0) throw nothingToReturn(target);
    const id = randomUUID();
    const expiresAt = requestExpiresAt(now, ttlMinutes);
    await tx.returnToNormalRequest.create({
      data: {
        id,
        incidentId: target.incidentId,
        switchId: target.switchId,
        reason: data.reason,
        requestedById: person.id,
        requestedAt: now,
        expiresAt,
      },
    });
    await recordAuditEvent(tx, {
      actor,
      type: 'return_to_normal.requested',
      payload: {
        requestId: id,
        incidentId: target.incidentId,
        switchId: target.switchId,
        target: target.label,
        reason: data.reason,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return { id, expiresAt };
  });
}

/** One waiting request per target: an expired one no longer counts (it can never be approved). */
export async function assertNoPendingRequest(tx: Tx, target: ResolvedTarget, now: Date): Promise<void> {
  const waiting = await tx.returnToNormalRequest.findFirst({
    where: { ...targetWhere(target), status: 'pending', expiresAt: { gt: now } },
    select: { requestedById: true },
  });
  if (!waiting) return;
  const by = waiting.requestedById
    ? (await tx.user.findUnique({ where: { id: waiting.requestedById }, select: { name: true } }))?.name
    : null;
  throw new WardenError(
    'conflict',
    `A return to normal of ${target.label} is already waiting for approval${by ? ` (asked by ${by})` : ''}: approve, reject or cancel it first.`,
  );
}

export function nothingToReturn(target: ResolvedTarget): WardenError {
  return new WardenError(
    'conflict',
    target.incidentId
      ? `Nothing to return to normal: ${target.label} holds no engaged switch, and no agent it paused is still paused.`
      : 'Nothing to return to normal: the global stop is not engaged.',
  );
}

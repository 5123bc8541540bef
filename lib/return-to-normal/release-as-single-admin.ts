import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { verifyStepUp } from '../kill-switches/verify-step-up';
import { singleAdminReleaseAllowed } from '../policy/return-to-normal';
import { lockActiveAdmins } from '../users/active-admins';
import { applyReturnPlan, type AppliedReturn } from './apply-return-plan';
import { assertPerson } from './assert-person';
import { readActiveAdminIds } from './read-active-admins';
import { readReturnPlan } from './read-return-plan';
import { assertNoPendingRequest, nothingToReturn } from './request-return-to-normal';
import { lockTarget, resolveTarget } from './return-target';
import { singleAdminReleaseSchema, type SingleAdminReleaseInput } from './schemas';

/**
 * A workspace with exactly one active admin has nobody to approve: that admin returns to normal alone, with a reason
 * and their password again (step-up; a wrong one counts towards the sign-in throttle). Recorded as an approved
 * request with singleAdmin = true and audited `return_to_normal.single_admin_released` with `singleAdmin: true`.
 * The admin count is read under the admins' row locks, so an admin added or enabled meanwhile is seen.
 */
export async function releaseAsSingleAdmin(
  actor: Actor,
  input: SingleAdminReleaseInput,
  address = 'unknown',
): Promise<{ requestId: string } & AppliedReturn> {
  const person = assertPerson(actor);
  const data = singleAdminReleaseSchema.parse(input);
  // Checked before the password too, so nobody types one (or spends a sign-in attempt) where it cannot help.
  assertOnlyAdmin(await readActiveAdminIds(db()), person.id);
  await verifyStepUp(person, data.password, address);
  return db().$transaction(async (tx) => {
    const target = await resolveTarget(tx, data.target);
    await lockTarget(tx, target);
    await lockActiveAdmins(tx);
    assertOnlyAdmin(await readActiveAdminIds(tx), person.id);
    const now = new Date();
    await assertNoPendingRequest(tx, target, now);
    const plan = await readReturnPlan(tx, target);
    if (plan.switches.length === 0 && plan.agentsToResume.length === 0) throw nothingToReturn(target);
    const id = randomUUID();
    await tx.returnToNormalRequest.create({
      data: {
        id,
        incidentId: target.incidentId,
        switchId: target.switchId,
        reason: data.reason,
        requestedById: person.id,
        requestedAt: now,
        expiresAt: now,
        status: 'approved',
        decidedById: person.id,
        decidedAt: now,
        singleAdmin: true,
      },
    });
    const applied = await applyReturnPlan(tx, actor, target, { id, reason: data.reason, singleAdmin: true });
    await recordAuditEvent(tx, {
      actor,
      type: 'return_to_normal.single_admin_released',
      payload: {
        requestId: id,
        incidentId: target.incidentId,
        switchId: target.switchId,
        target: target.label,
        reason: data.reason,
        singleAdmin: true,
        ...applied,
      },
    });
    return { requestId: id, ...applied };
  });
}

function assertOnlyAdmin(admins: string[], personId: string): void {
  if (singleAdminReleaseAllowed(admins, personId)) return;
  throw new WardenError(
    'conflict',
    `This workspace has ${admins.length} active admins: another admin approves the return to normal. Request it and ask them.`,
  );
}

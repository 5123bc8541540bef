import { assertCan, type Actor } from '../../auth/actor';
import { db } from '../../db/client';
import { recordAuditEvent } from '../record-audit-event';
import { verifyAuditChain } from './verify-audit-chain';
import type { ChainVerification } from './verify-chain';

export const VERIFICATION_ID = 'last';

/**
 * Verifies the chain and records the result for the Audit page: an admin's "Verify now", or the background check.
 * A failure is also an audit event, once per distinct first bad event (the check repeats; the log should not).
 */
export async function recordAuditVerification(actor: Actor): Promise<ChainVerification> {
  assertCan(actor, 'audit.verify');
  const result = await verifyAuditChain();
  const problem = result.problem;
  const row = {
    checkedAt: new Date(),
    ok: result.ok,
    events: result.events,
    checkpoints: result.checkpoints,
    unsealed: result.unsealed,
    verifiedThroughSeq: result.verifiedThroughSeq,
    firstBadSeq: problem?.seq ?? null,
    problem: problem?.reason ?? null,
  };
  await db().$transaction(async (tx) => {
    const before = await tx.auditVerification.findUnique({ where: { id: VERIFICATION_ID } });
    await tx.auditVerification.upsert({
      where: { id: VERIFICATION_ID },
      create: { id: VERIFICATION_ID, ...row },
      update: row,
    });
    const sameFailure =
      before && !before.ok && before.firstBadSeq === row.firstBadSeq && before.problem === row.problem;
    if (problem && !sameFailure) {
      await recordAuditEvent(tx, {
        actor,
        type: 'audit.verification_failed',
        payload: { firstBadSeq: problem.seq, afterSeq: problem.afterSeq, problem: problem.reason },
      });
    }
  });
  return result;
}

/** The background check: when the last verification is older than `everyMs` (0 = never by itself). */
export async function verifyAuditChainIfDue(everyMs: number, now = new Date()): Promise<boolean> {
  if (everyMs <= 0) return false;
  const last = await db().auditVerification.findUnique({ where: { id: VERIFICATION_ID }, select: { checkedAt: true } });
  if (last && now.getTime() - last.checkedAt.getTime() < everyMs) return false;
  await recordAuditVerification({ type: 'system', id: 'audit-verifier' });
  return true;
}

import { assertCan, can, type Actor } from '../../auth/actor';
import { db } from '../../db/client';
import { HEAD_ID } from './signed-head';
import { VERIFICATION_ID } from './record-audit-verification';

export type AuditVerificationView = {
  last: {
    checkedAt: Date;
    ok: boolean;
    events: number;
    checkpoints: number;
    verifiedThroughSeq: number | null;
    firstBadSeq: number | null;
    problem: string | null;
  } | null;
  /** Events not sealed yet (normally those of the last second). */
  unsealed: number;
  head: { seq: number; sealedAt: Date } | null;
  canVerify: boolean;
};

/** The verification state for the Audit page: the last recorded check, the chain's head, what waits to be sealed. Reads only. */
export async function getAuditVerification(actor: Actor): Promise<AuditVerificationView> {
  assertCan(actor, 'audit.read');
  const [last, unsealed, head] = await Promise.all([
    db().auditVerification.findUnique({ where: { id: VERIFICATION_ID } }),
    db().auditEvent.count({ where: { chainIndex: null } }),
    db().auditChainHead.findUnique({ where: { id: HEAD_ID }, select: { seq: true, sealedAt: true } }),
  ]);
  return { last, unsealed, head, canVerify: can(actor, 'audit.verify') };
}

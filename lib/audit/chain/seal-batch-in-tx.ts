import type { Actor } from '../../auth/actor';
import type { Tx } from '../../db/client';
import { recordAuditEventReturningSeq } from '../record-audit-event';
import { advanceFloor } from './advance-floor';
import { chainOn, chooseCheckpoints } from './chain-links';
import { chainSettings } from './chain-settings';
import { LEASE_MS, LostLeaseError, SEALER_CURSOR } from './sealer-lease';
import { highestSealed, unsealedEvents } from './sealer-reads';
import { brokenReason, HEAD_ID, signedHead } from './signed-head';
import type { SigningKey } from './signing-key';
import { sealChunkStatement } from './write-seals';

/*
 * The rare batch: the chain's first seal, or a chain not as the sealer left it. It records the chain's own event
 * (`audit.chain_started` / `audit.chain_broken`) and seals it with the batch, so it reads and writes in one Prisma
 * transaction: slower than the planned batch (plan-seal-batch.ts + write-seals.ts), and taken once per start or break.
 */

const SEALER: Actor = { type: 'system', id: 'audit-sealer' };

export async function sealBatchInTx(tx: Tx, owner: string, key: SigningKey, now: Date): Promise<number> {
  const settings = chainSettings();
  const head = await tx.auditChainHead.findUnique({ where: { id: HEAD_ID } });
  let broken = await brokenReason(tx, head);
  const base = head && !broken ? { index: head.chainIndex, hash: head.hash } : await highestSealed(tx);
  if (!head && base.index === 0) broken = null; // a fresh chain, not a broken one

  const firsts: number[] = [];
  if (!head && base.index === 0) {
    const earlier = await tx.auditEvent.count({ where: { chainIndex: null } });
    firsts.push(
      await recordAuditEventReturningSeq(tx, {
        actor: SEALER,
        type: 'audit.chain_started',
        payload: { earlierEvents: earlier },
      }),
    );
  } else if (broken) {
    firsts.push(
      await recordAuditEventReturningSeq(tx, {
        actor: SEALER,
        type: 'audit.chain_broken',
        payload: { reason: broken, headChainIndex: head?.chainIndex ?? null, headSeq: head?.seq ?? null },
      }),
    );
  }
  const events = await unsealedEvents(tx, head?.floorSeq ?? 0, firsts);
  if (events.length === 0 && !head) return 0;

  const sealed = chainOn(base, events);
  for (let i = 0; i < sealed.length; i += 200) {
    const chunk = sealed.slice(i, i + 200);
    const count = await tx.$executeRaw(sealChunkStatement(chunk));
    if (count !== chunk.length) throw new Error('audit sealer: events were sealed by another sealer meanwhile');
  }

  const checkpoints = await chooseCheckpoints(tx, key, sealed, firsts.length > 0, now, settings);
  if (checkpoints.length > 0) await tx.auditCheckpoint.createMany({ data: checkpoints });
  const tip = sealed.at(-1) ?? (head ? { seq: head.seq, chainIndex: head.chainIndex, hash: head.hash } : null);
  if (!tip) return 0;
  const floorSeq = await advanceFloor(tx, head?.floorSeq ?? 0, now.getTime(), settings.gapGraceMs, new Set());
  const signed = signedHead(key, tip, floorSeq, now);
  if (!head) {
    await tx.auditChainHead.create({ data: { id: HEAD_ID, ...signed } });
  } else {
    // Compare-and-set on the head as read: a second sealer that got here first makes this one roll back.
    const { count } = await tx.auditChainHead.updateMany({
      where: { id: HEAD_ID, chainIndex: head.chainIndex, hash: head.hash },
      data: signed,
    });
    if (count !== 1) throw new Error('audit sealer: the head moved meanwhile');
  }
  const { count } = await tx.workerCursor.updateMany({
    where: { id: SEALER_CURSOR, leaseOwner: owner },
    data: { position: tip.chainIndex, leaseUntil: new Date(Date.now() + LEASE_MS) },
  });
  if (count !== 1) throw new LostLeaseError(); // another instance took the lease: this batch rolls back
  return sealed.length;
}

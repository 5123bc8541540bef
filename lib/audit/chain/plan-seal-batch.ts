import { db } from '../../db/client';
import { advanceFloor } from './advance-floor';
import { chainOn, chooseCheckpoints, type CheckpointRow, type Sealed } from './chain-links';
import { chainSettings } from './chain-settings';
import { unsealedEvents } from './sealer-reads';
import { brokenReason, HEAD_ID, signedHead, type Head, type SignedHead } from './signed-head';
import type { SigningKey } from './signing-key';

/*
 * The usual batch's first half: everything read, hashed and signed outside any transaction, so that the transaction
 * that writes it (write-seals.ts) holds the database's write lock only for its writes.
 */

export type BatchPlan = {
  /** The head as read: the write moves it by compare-and-set on this. */
  head: Head;
  sealed: Sealed[];
  checkpoints: CheckpointRow[];
  next: SignedHead;
};

/** The usual batch, read and signed ahead of its transaction; null when the head is missing or the chain broken. */
export async function planSealBatch(key: SigningKey, now: Date): Promise<BatchPlan | null> {
  const settings = chainSettings();
  const head = await db().auditChainHead.findUnique({ where: { id: HEAD_ID } });
  if (!head || (await brokenReason(db(), head))) return null;
  const events = await unsealedEvents(db(), head.floorSeq, []);
  const sealed = chainOn({ index: head.chainIndex, hash: head.hash }, events);
  const checkpoints = await chooseCheckpoints(db(), key, sealed, false, now, settings);
  const tip = sealed.at(-1) ?? { seq: head.seq, chainIndex: head.chainIndex, hash: head.hash };
  const ours = new Set(sealed.map((s) => s.seq));
  const floorSeq = await advanceFloor(db(), head.floorSeq, now.getTime(), settings.gapGraceMs, ours);
  return { head, sealed, checkpoints, next: signedHead(key, tip, floorSeq, now) };
}

import type { Tx } from '../../db/client';
import { eventHash } from './canonical-event';
import type { RawEvent } from './sealer-reads';
import { checkpointMessage, signMessage, type SigningKey } from './signing-key';

/*
 * What a batch computes before it writes, the same on both write paths: each event's link in the chain and the
 * checkpoints signed along it.
 */

export type Sealed = { seq: number; chainIndex: number; prevHash: string; hash: string };

export type CheckpointRow = {
  chainIndex: number;
  seq: number;
  hash: string;
  signedAt: Date;
  keyId: string;
  publicKey: string;
  signature: string;
};

/** Gives each event the next chain index, its predecessor's hash and its own, from `base` on. */
export function chainOn(base: { index: number; hash: string }, events: RawEvent[]): Sealed[] {
  const sealed: Sealed[] = [];
  for (const event of events) {
    const chainIndex = base.index + 1;
    const hash = eventHash(event, chainIndex, base.hash);
    sealed.push({ seq: event.seq, chainIndex, prevHash: base.hash, hash });
    base = { index: chainIndex, hash };
  }
  return sealed;
}

/** Every N events, at a break or a start, and at the batch's end once the last checkpoint is M minutes old. */
export async function chooseCheckpoints(
  tx: Tx,
  key: SigningKey,
  sealed: Sealed[],
  atFirst: boolean,
  now: Date,
  settings: { checkpointEvents: number; checkpointMs: number },
): Promise<CheckpointRow[]> {
  const last = await tx.auditCheckpoint.findFirst({
    orderBy: { chainIndex: 'desc' },
    select: { chainIndex: true, signedAt: true },
  });
  let lastIndex = last?.chainIndex ?? 0;
  const chosen: Sealed[] = [];
  sealed.forEach((s, i) => {
    if ((i === 0 && atFirst) || s.chainIndex - lastIndex >= settings.checkpointEvents) {
      chosen.push(s);
      lastIndex = s.chainIndex;
    }
  });
  const tail = sealed.at(-1) ?? (await highestSealedEvent(tx));
  const stale = !last || now.getTime() - last.signedAt.getTime() >= settings.checkpointMs;
  if (tail && stale && tail.chainIndex > lastIndex) chosen.push(tail);
  return chosen.map((s) => ({
    chainIndex: s.chainIndex,
    seq: s.seq,
    hash: s.hash,
    signedAt: now,
    keyId: key.keyId,
    publicKey: key.publicKey,
    signature: signMessage(
      key,
      checkpointMessage({ chainIndex: s.chainIndex, seq: s.seq, hash: s.hash, signedAtMs: now.getTime() }),
    ),
  }));
}

async function highestSealedEvent(tx: Tx): Promise<Sealed | null> {
  const top = await tx.auditEvent.findFirst({
    where: { chainIndex: { not: null } },
    orderBy: { chainIndex: 'desc' },
    select: { seq: true, chainIndex: true, prevHash: true, hash: true },
  });
  return top ? { seq: top.seq, chainIndex: top.chainIndex!, prevHash: top.prevHash ?? '', hash: top.hash ?? '' } : null;
}

import type { Tx } from '../../db/client';
import { sql } from '../../db/sql-runner';
import { eventHash } from './canonical-event';
import { readEvents } from './sealer-reads';
import { headMessage, signMessage, trustedPublicKeys, verifyMessage, type SigningKey } from './signing-key';

/*
 * The signed head (one AuditChainHead row): where the chain ends, as the sealer left it. Both write paths check it
 * before extending (brokenReason) and move it by compare-and-set to a head signed here; the verifier reads it by id.
 */

export const HEAD_ID = 'main';

export type Head = {
  chainIndex: number;
  seq: number;
  hash: string;
  floorSeq: number;
  sealedAt: Date;
  publicKey: string;
  signature: string;
};

/** The head a batch writes: the row's columns, signed. */
export type SignedHead = Omit<Head, 'publicKey' | 'signature'> & {
  keyId: string;
  publicKey: string;
  signature: string;
};

export function signedHead(
  key: SigningKey,
  tip: { seq: number; chainIndex: number; hash: string },
  floorSeq: number,
  now: Date,
): SignedHead {
  const next = {
    chainIndex: tip.chainIndex,
    seq: tip.seq,
    hash: tip.hash,
    floorSeq,
    sealedAt: now,
    keyId: key.keyId,
    publicKey: key.publicKey,
  };
  return { ...next, signature: signMessage(key, headMessage({ ...next, sealedAtMs: now.getTime() })) };
}

/**
 * Why the chain is not as the sealer left it, or null. The head must be signed by a trusted key, the event at its
 * index must still hash to it, and nothing may be sealed beyond it. With no head, any sealed event is a break.
 */
export async function brokenReason(tx: Tx, head: Head | null): Promise<string | null> {
  if (!head) {
    const sealed = await tx.auditEvent.count({ where: { chainIndex: { not: null } } });
    return sealed > 0 ? 'the signed head is missing while sealed events exist' : null;
  }
  if (
    !trustedPublicKeys().has(head.publicKey) ||
    !verifyMessage(head.publicKey, headMessage({ ...head, sealedAtMs: head.sealedAt.getTime() }), head.signature)
  ) {
    return 'the head is not signed by a trusted key';
  }
  const [tip] = await readEvents(tx, sql`"chainIndex" = ${head.chainIndex}`);
  if (
    !tip ||
    tip.seq !== head.seq ||
    tip.hash !== head.hash ||
    eventHash(tip, head.chainIndex, tip.prevHash ?? '') !== head.hash
  ) {
    return `the event at the head (chain index ${head.chainIndex}, seq ${head.seq}) is missing or changed`;
  }
  const beyond = await tx.auditEvent.count({ where: { chainIndex: { gt: head.chainIndex } } });
  return beyond > 0 ? `${beyond} events are sealed beyond the signed head` : null;
}

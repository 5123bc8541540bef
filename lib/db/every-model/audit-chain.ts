import { expect } from 'vitest';
import type { EveryModelContext } from './context';

/** The audit chain's tables (lib/audit/chain/). */
export async function exerciseAuditChain({ client, suffix, at, first, second }: EveryModelContext): Promise<string[]> {
  const chainHead = {
    id: `head-${suffix}`,
    chainIndex: 2,
    seq: second.seq,
    hash: 'b'.repeat(64),
    floorSeq: second.seq,
    sealedAt: at,
    keyId: 'k1',
    publicKey: 'pk',
    signature: 'sig',
  };
  const checkpoint = {
    chainIndex: 1_000_000 + first.seq,
    seq: first.seq,
    hash: 'a'.repeat(64),
    signedAt: at,
    keyId: 'k1',
    publicKey: 'pk',
    signature: 'sig',
  };
  const verification = {
    id: `v-${suffix}`,
    checkedAt: at,
    ok: false,
    events: 2,
    checkpoints: 1,
    unsealed: 0,
    verifiedThroughSeq: first.seq,
    firstBadSeq: second.seq,
    problem: 'p',
  };
  await client.auditChainHead.create({ data: chainHead });
  await client.auditCheckpoint.create({ data: checkpoint });
  await client.auditVerification.create({ data: verification });
  await client.auditEvent.update({
    where: { seq: first.seq },
    data: { chainIndex: 1_000_000 + first.seq, prevHash: '0'.repeat(64), hash: 'a'.repeat(64) },
  });
  expect(await client.auditChainHead.findUniqueOrThrow({ where: { id: chainHead.id } })).toMatchObject(chainHead);
  expect(
    await client.auditCheckpoint.findUniqueOrThrow({ where: { chainIndex: checkpoint.chainIndex } }),
  ).toMatchObject(checkpoint);
  expect(await client.auditVerification.findUniqueOrThrow({ where: { id: verification.id } })).toMatchObject(
    verification,
  );
  expect(await client.auditEvent.findUniqueOrThrow({ where: { chainIndex: 1_000_000 + first.seq } })).toMatchObject({
    seq: first.seq,
    hash: 'a'.repeat(64),
  });
  return ['AuditChainHead', 'AuditCheckpoint', 'AuditVerification'];
}

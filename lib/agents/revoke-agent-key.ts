import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { assertCanControlAgent } from './assert-can-control-agent';

/** Revocation takes effect on the key's very next request: keys are looked up on every call, never cached. */
export async function revokeAgentKey(actor: Actor, keyId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const key = await tx.agentKey.findUnique({ where: { id: keyId }, include: { agent: true } });
    if (!key) throw new WardenError('not_found', 'No such key.');
    assertCanControlAgent(actor, key.agent);
    const { count } = await tx.agentKey.updateMany({
      where: { id: keyId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new WardenError('conflict', 'This key is already revoked.');
    await recordAuditEvent(tx, {
      actor,
      agentId: key.agentId,
      type: 'agent_key.revoked',
      payload: { keyId, prefix: key.prefix },
    });
  });
}

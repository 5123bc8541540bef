import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { assertCanControlAgent } from './assert-can-control-agent';
import { insertAgentKey, type CreatedKey } from './create-agent-key';

export const MAX_OVERLAP_HOURS = 24 * 7;

/**
 * Rotation without downtime: a new key now, and the old one keeps working for the overlap window (0 = ends now),
 * so the agent can be redeployed with the new key before the old one stops.
 */
export async function rotateAgentKey(
  actor: Actor,
  input: { keyId: string; overlapMinutes: number },
): Promise<CreatedKey & { oldKeyExpiresAt: string }> {
  if (
    !Number.isInteger(input.overlapMinutes) ||
    input.overlapMinutes < 0 ||
    input.overlapMinutes > MAX_OVERLAP_HOURS * 60
  ) {
    throw new WardenError('invalid_input', `The overlap must be 0 to ${MAX_OVERLAP_HOURS} hours.`, {
      issues: [{ path: 'overlapMinutes', message: 'out of range' }],
    });
  }
  return db().$transaction(async (tx) => {
    const old = await tx.agentKey.findUnique({ where: { id: input.keyId }, include: { agent: true } });
    if (!old) throw new WardenError('not_found', 'No such key.');
    assertCanControlAgent(actor, old.agent);
    const now = Date.now();
    const endsAt = new Date(now + input.overlapMinutes * 60_000);
    const oldExpiry = old.expiresAt && old.expiresAt < endsAt ? old.expiresAt : endsAt;
    // Only a live key can be rotated: the compare-and-set refuses revoked or already expired ones.
    const { count } = await tx.agentKey.updateMany({
      where: { id: old.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date(now) } }] },
      data: { expiresAt: oldExpiry },
    });
    if (count !== 1) throw new WardenError('conflict', 'This key is revoked or expired; create a new key instead.');
    const created = await insertAgentKey(tx, actor, old.agentId, {
      label: old.label ? `${old.label} (rotated)` : 'rotated',
    });
    await recordAuditEvent(tx, {
      actor,
      agentId: old.agentId,
      type: 'agent_key.rotated',
      payload: {
        keyId: created.keyId,
        prefix: created.prefix,
        replacedKeyId: old.id,
        oldKeyExpiresAt: oldExpiry.toISOString(),
      },
    });
    return { ...created, oldKeyExpiresAt: oldExpiry.toISOString() };
  });
}

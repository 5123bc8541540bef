import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { generateAgentKey } from '../auth/agent-key';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db/client';
import { WardenError } from '../errors';
import { assertCanControlAgent } from './assert-can-control-agent';
import { findAgentOrThrow } from './find-agent';
import type { AgentRef } from './set-agent-status';

export type CreatedKey = { key: string; keyId: string; prefix: string; agentId: string };

/** Creates a key and returns it once; afterwards only its hash and prefix exist. Owners of the agent and admins. */
export async function createAgentKey(
  actor: Actor,
  ref: AgentRef,
  options: { label?: string; expiresAt?: Date | null } = {},
): Promise<CreatedKey> {
  if (options.expiresAt && options.expiresAt.getTime() <= Date.now()) {
    throw new WardenError('invalid_input', 'The expiry must be in the future.', {
      issues: [{ path: 'expiresAt', message: 'must be in the future' }],
    });
  }
  return db().$transaction(async (tx) => {
    const agent = await findAgentOrThrow(tx, ref);
    assertCanControlAgent(actor, agent);
    return insertAgentKey(tx, actor, agent.id, options);
  });
}

export async function insertAgentKey(
  tx: Tx,
  actor: Actor,
  agentId: string,
  options: { label?: string; expiresAt?: Date | null },
): Promise<CreatedKey> {
  const { key, hash, prefix } = generateAgentKey();
  const keyId = randomUUID();
  const label = options.label?.trim().slice(0, 80) ?? '';
  const expiresAt = options.expiresAt ?? null;
  await tx.agentKey.create({ data: { id: keyId, agentId, hash, prefix, label, expiresAt } });
  await recordAuditEvent(tx, {
    actor,
    agentId,
    type: 'agent_key.created',
    payload: { keyId, prefix, label, expiresAt: expiresAt?.toISOString() ?? null },
  });
  return { key, keyId, prefix, agentId };
}

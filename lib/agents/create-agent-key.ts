import { randomUUID } from 'node:crypto';
import { assertCan, type Actor } from '../auth/actor';
import { generateAgentKey } from '../auth/agent-key';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { findAgentOrThrow } from './find-agent';
import type { AgentRef } from './set-agent-status';

/** Creates a key and returns it once; afterwards only its hash and prefix exist. */
export async function createAgentKey(actor: Actor, ref: AgentRef): Promise<{ key: string; keyId: string; prefix: string; agentId: string }> {
  assertCan(actor, 'agents.manage');
  const { key, hash, prefix } = generateAgentKey();
  return db().$transaction(async (tx) => {
    const agent = await findAgentOrThrow(tx, ref);
    const keyId = randomUUID();
    await tx.agentKey.create({ data: { id: keyId, agentId: agent.id, hash, prefix } });
    await recordAuditEvent(tx, { actor, agentId: agent.id, type: 'agent_key.created', payload: { keyId, prefix } });
    return { key, keyId, prefix, agentId: agent.id };
  });
}

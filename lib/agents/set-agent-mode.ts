import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { assertCanControlAgent } from './assert-can-control-agent';
import { findAgentOrThrow } from './find-agent';
import type { AgentRef, StatusChange } from './set-agent-status';

export type AgentMode = 'live' | 'draft_only';

/** Draft-only mode turns every write the agent proposes into a draft for a person to act on. */
export async function setAgentMode(actor: Actor, ref: AgentRef, to: AgentMode): Promise<StatusChange> {
  return db().$transaction(async (tx) => {
    const agent = await findAgentOrThrow(tx, ref);
    assertCanControlAgent(actor, agent);
    const from: AgentMode = to === 'live' ? 'draft_only' : 'live';
    const { count } = await tx.agent.updateMany({
      where: { id: agent.id, mode: from, archivedAt: null },
      data: { mode: to, version: { increment: 1 } },
    });
    if (count === 1)
      await recordAuditEvent(tx, { actor, agentId: agent.id, type: 'agent.mode_changed', payload: { from, to } });
    return { agentId: agent.id, name: agent.name, changed: count === 1 };
  });
}

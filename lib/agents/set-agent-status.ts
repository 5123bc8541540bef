import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { assertCanControlAgent } from './assert-can-control-agent';
import { findAgentOrThrow } from './find-agent';

export type AgentRef = { id?: string; name?: string };
export type StatusChange = { agentId: string; name: string; changed: boolean };

/**
 * Pauses or resumes one agent, and nothing else: its next proposal and every later claim are blocked while paused.
 * Asking for the state it is already in changes nothing and writes no event (`changed: false`).
 */
async function setAgentStatus(
  actor: Actor,
  ref: AgentRef,
  to: 'active' | 'paused',
  reason?: string,
): Promise<StatusChange> {
  return db().$transaction(async (tx) => {
    const agent = await findAgentOrThrow(tx, ref);
    assertCanControlAgent(actor, agent);
    const from = to === 'paused' ? 'active' : 'paused';
    const { count } = await tx.agent.updateMany({
      where: { id: agent.id, status: from, archivedAt: null },
      data: { status: to },
    });
    if (count === 1) {
      await recordAuditEvent(
        tx,
        to === 'paused'
          ? { actor, agentId: agent.id, type: 'agent.paused', payload: { reason: reason ?? null } }
          : { actor, agentId: agent.id, type: 'agent.resumed', payload: {} },
      );
    }
    return { agentId: agent.id, name: agent.name, changed: count === 1 };
  });
}

export function pauseAgent(actor: Actor, ref: AgentRef, reason?: string): Promise<StatusChange> {
  return setAgentStatus(actor, ref, 'paused', reason);
}

export function resumeAgent(actor: Actor, ref: AgentRef): Promise<StatusChange> {
  return setAgentStatus(actor, ref, 'active');
}

import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { prismaRunner } from '../db/sql-runner';
import { assertCanControlAgent } from './assert-can-control-agent';
import { changeAgentStatusInTx } from './change-agent-status-in-tx';
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
    const changed = await changeAgentStatusInTx(prismaRunner(tx), { actor, agentId: agent.id, to, reason });
    return { agentId: agent.id, name: agent.name, changed };
  });
}

export function pauseAgent(actor: Actor, ref: AgentRef, reason?: string): Promise<StatusChange> {
  return setAgentStatus(actor, ref, 'paused', reason);
}

export function resumeAgent(actor: Actor, ref: AgentRef): Promise<StatusChange> {
  return setAgentStatus(actor, ref, 'active');
}

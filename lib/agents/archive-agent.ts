import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { transitionAction } from '../actions/transition-action';
import { db, type Tx } from '../db/client';
import { notifyActionChanged } from '../realtime/action-changes';
import { agentChangedConflict, archivedConflict } from './agent-conflict';
import { findAgentOrThrow } from './find-agent';
import type { AgentRef } from './set-agent-status';
import { prismaRunner } from '../db/sql-runner';

export const ARCHIVED_REASON = 'agent archived';

export type ArchivedAgent = {
  agentId: string;
  name: string;
  revokedKeys: string[];
  rejectedActions: number;
  blockedActions: number;
};

/**
 * Retires an agent for good, in one transaction: archivedAt set (compare-and-set on the version), every live key
 * revoked, every action still waiting closed — pending review → rejected (no reviewer; nobody is left to run it),
 * approved but not claimed → blocked (as a claim would be) — each with its own audit event, reason "agent archived".
 * Running actions are left to report. Nothing is deleted: history stays, and the name stays taken. Admins only.
 */
export async function archiveAgent(
  actor: Actor,
  ref: AgentRef,
  options: { expectedVersion?: number } = {},
): Promise<ArchivedAgent> {
  assertCan(actor, 'agents.manage');
  const result = await db().$transaction(async (tx) => {
    const agent = await findAgentOrThrow(tx, ref);
    if (agent.archivedAt) throw archivedConflict(agent.name);
    if (options.expectedVersion !== undefined && options.expectedVersion !== agent.version)
      throw await agentChangedConflict(tx, agent.id);
    const now = new Date();
    const { count } = await tx.agent.updateMany({
      where: { id: agent.id, version: agent.version, archivedAt: null },
      data: { archivedAt: now, version: { increment: 1 } },
    });
    if (count !== 1) throw await agentChangedConflict(tx, agent.id);

    const revokedKeys = await revokeEveryKey(tx, actor, agent.id, now);
    const rejected = await closeWaitingActions(tx, actor, agent.id, 'pending_review', 'rejected', now);
    const blocked = await closeWaitingActions(tx, actor, agent.id, 'approved', 'blocked', now);
    await recordAuditEvent(tx, {
      actor,
      agentId: agent.id,
      type: 'agent.archived',
      payload: {
        name: agent.name,
        version: agent.version + 1,
        revokedKeys,
        rejectedActions: rejected.length,
        blockedActions: blocked.length,
      },
    });
    return {
      agentId: agent.id,
      name: agent.name,
      revokedKeys,
      closed: [...rejected, ...blocked],
      rejectedActions: rejected.length,
      blockedActions: blocked.length,
    };
  });
  // Open review cards and queues learn of it at once in this instance (others read the audit log).
  for (const actionId of result.closed) notifyActionChanged(actionId);
  const { closed: _closed, ...archived } = result;
  return archived;
}

async function revokeEveryKey(tx: Tx, actor: Actor, agentId: string, now: Date): Promise<string[]> {
  const keys = await tx.agentKey.findMany({ where: { agentId, revokedAt: null }, select: { id: true, prefix: true } });
  const revoked: string[] = [];
  for (const key of keys) {
    const { count } = await tx.agentKey.updateMany({
      where: { id: key.id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count !== 1) continue;
    await recordAuditEvent(tx, {
      actor,
      agentId,
      type: 'agent_key.revoked',
      payload: { keyId: key.id, prefix: key.prefix },
    });
    revoked.push(key.prefix);
  }
  return revoked;
}

async function closeWaitingActions(
  tx: Tx,
  actor: Actor,
  agentId: string,
  from: 'pending_review' | 'approved',
  to: 'rejected' | 'blocked',
  now: Date,
): Promise<string[]> {
  const waiting = await tx.action.findMany({ where: { agentId, status: from }, select: { id: true } });
  const closed: string[] = [];
  for (const { id } of waiting) {
    if (
      !(await transitionAction(prismaRunner(tx), {
        id,
        from,
        to,
        agentId,
        changes: { decidedAt: now, decisionReason: ARCHIVED_REASON },
      }))
    )
      continue;
    await recordAuditEvent(tx, {
      actor,
      actionId: id,
      agentId,
      type: 'action.closed_agent_archived',
      payload: { from, to, reason: ARCHIVED_REASON },
    });
    closed.push(id);
  }
  return closed;
}

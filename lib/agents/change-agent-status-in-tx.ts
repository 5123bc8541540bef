import type { Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-event';
import { sql, type SqlRunner } from '../db/sql-runner';

export type AgentStatus = 'active' | 'paused';

/**
 * The one way an agent is paused or resumed, inside the caller's transaction: a compare-and-set from the other status
 * (an archived agent never changes), moving the agent's version like every change of its state, with its audit event
 * in the same transaction. Returns whether it changed; asking for the state it is already in writes nothing.
 * A person (lib/agents/set-agent-status.ts, through prismaRunner), an incident and the gate's loop rule
 * (lib/gate/record-proposal.ts) all pause through here, so a pause reads the same whoever made it.
 */
export async function changeAgentStatusInTx(
  runner: SqlRunner,
  change: { actor: Actor; agentId: string; to: AgentStatus; reason?: string | null },
): Promise<boolean> {
  const { actor, agentId, to } = change;
  const from: AgentStatus = to === 'paused' ? 'active' : 'paused';
  const changed = await runner.execute(sql`
    UPDATE "Agent" SET "status" = ${to}, "version" = "version" + 1, "updatedAt" = ${new Date()}
    WHERE "id" = ${agentId} AND "status" = ${from} AND "archivedAt" IS NULL`);
  if (changed !== 1) return false;
  await recordAuditEvents(runner, [
    to === 'paused'
      ? { actor, agentId, type: 'agent.paused', payload: { reason: change.reason ?? null } }
      : { actor, agentId, type: 'agent.resumed', payload: {} },
  ]);
  return true;
}

import { changeAgentStatusInTx, type AgentStatus } from '../agents/change-agent-status-in-tx';
import type { Actor } from '../auth/actor';
import { commitWrites, type SqlRunner } from '../db/sql-runner';
import type { Sql } from '../db/engine';

/** The loop rule's "stop the agent": the same status change a person makes (lib/agents/change-agent-status-in-tx.ts). */
export type AgentPause = { actor: Actor; agentId: string; to: Extract<AgentStatus, 'paused'>; reason: string };

/** A decision's rows (the new action and its audit events, or a refusal's event) and whether it pauses the agent. */
export type RecordablePlan = { writes: Sql[]; pauseAgent: AgentPause | null };

/**
 * The one writer of the gate's decisions: every new action (a proposal on either path, a rollback, a promoted draft)
 * and every refusal is written here, and so is the loop rule's pause.
 *
 * - `'apart'`: a decision taken on facts read outside any transaction; its rows commit on their own (commitWrites:
 *   grouped with other callers' of the moment). A pause needs the counted transaction, so such a plan never pauses.
 * - `{ runner }`: inside the caller's transaction, after whatever it already did there; `alongside` are the caller's
 *   own last statements (a rollback's link, say). The rows are issued together as the transaction's last statements
 *   (on PostgreSQL they share one round trip with the COMMIT), unless the agent is paused: then the pause's
 *   compare-and-set and its event follow the rows in the same transaction.
 */
export async function recordProposal(
  plan: RecordablePlan,
  where: 'apart' | { runner: SqlRunner; alongside?: Sql[] },
): Promise<void> {
  if (where === 'apart') {
    if (plan.pauseAgent) throw new Error('a plan that pauses the agent must be recorded in its own transaction');
    await commitWrites(plan.writes);
    return;
  }
  const { runner, alongside = [] } = where;
  if (!plan.pauseAgent) {
    await runner.executeLast([...plan.writes, ...alongside]);
    return;
  }
  for (const write of plan.writes) await runner.execute(write);
  await changeAgentStatusInTx(runner, plan.pauseAgent);
  if (alongside.length > 0) await runner.executeLast(alongside);
}

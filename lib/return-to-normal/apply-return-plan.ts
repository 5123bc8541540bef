import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Tx } from '../db/client';
import { releaseSwitchInTx } from '../kill-switches/release-switch-in-tx';
import { readReturnPlan } from './read-return-plan';
import type { ResolvedTarget } from './return-target';

export type AppliedReturn = { releasedSwitches: string[]; resumedAgents: string[]; stillPaused: string[] };

/**
 * The return to normal itself, inside the approval's transaction: reads the plan as it holds now, releases each
 * switch through releaseSwitchInTx (the one release path; the audit names the request) and resumes each agent the
 * incident paused by a compare-and-set on its version and status (an agent resumed or changed meanwhile is left as
 * it is). Approves, claims or runs no action: what the switches refused stays refused, what waits still waits.
 */
export async function applyReturnPlan(
  tx: Tx,
  actor: Actor,
  target: ResolvedTarget,
  request: { id: string; reason: string; singleAdmin: boolean },
): Promise<AppliedReturn> {
  const plan = await readReturnPlan(tx, target);
  const facts = { returnToNormalRequestId: request.id, ...(request.singleAdmin ? { singleAdmin: true } : {}) };
  const releasedSwitches: string[] = [];
  for (const row of plan.switches) {
    if (
      await releaseSwitchInTx(tx, actor, row, {
        reason: `return to normal: ${request.reason}`,
        breakGlass: false,
        audit: facts,
      })
    )
      releasedSwitches.push(row.id);
  }
  const resumedAgents: string[] = [];
  for (const agent of plan.agentsToResume) {
    const { count } = await tx.agent.updateMany({
      where: { id: agent.id, version: agent.version, status: 'paused', archivedAt: null },
      data: { status: 'active', version: { increment: 1 } },
    });
    if (count !== 1) continue;
    await recordAuditEvent(tx, {
      actor,
      agentId: agent.id,
      type: 'agent.resumed',
      payload: { returnToNormalRequestId: request.id, ...(target.incidentId ? { incidentId: target.incidentId } : {}) },
    });
    resumedAgents.push(agent.name);
  }
  return { releasedSwitches, resumedAgents, stillPaused: plan.heldByAnotherIncident.map((agent) => agent.name) };
}

import { assertCan, type Actor } from '../auth/actor';
import { auditEventsStatement } from '../audit/record-audit-event';
import { db } from '../db/client';
import { inTransaction, joinSql, sql } from '../db/sql-runner';
import { invalidInput, WardenError } from '../errors';
import { loadGateFacts } from '../gate/load-gate-facts';
import { paramsHash } from '../actions/params-hash';
import { planProposal } from '../gate/plan-proposal';
import { recordProposal } from '../gate/record-proposal';
import { resolveRollbackMapping } from '../policy/rollback-mapping';
import { notifyActionChanged } from '../realtime/action-changes';
import { HOLDING_ROLLBACK_STATUSES } from './rollback-state';

export type RollbackRequested = { id: string; status: string; reasons: string[]; params: Record<string, unknown> };

/**
 * A responder asks for an executed action to be undone by its tool's compensating tool. Warden proposes the
 * compensation for the same agent as a NEW action linked to the original (rollbackOfId), with parameters built by the
 * tool's mapping from the version that ran and its reported output, through the gate's own plan (planProposal: the
 * agent's grant of the compensating tool, its constraints, the stop, the pause, schema validation, params hash). The
 * original is never edited.
 *
 * Always reviewed: a compensation above read level goes to review even when the agent's grant would let it run
 * unreviewed (it is Warden's proposal, not the agent's, and it changes the world a second time). The gate may still
 * block or draft it; that attempt is recorded and may be retried. One at a time: while an attempt is pending,
 * approved, executing, drafted or has succeeded, another is refused (409).
 */
export async function requestRollback(
  actor: Actor,
  input: { actionId: string; note?: string | null },
): Promise<RollbackRequested> {
  assertCan(actor, 'actions.rollback');
  const original = await db().action.findUnique({
    where: { id: input.actionId },
    include: { tool: true, agent: { select: { id: true, name: true } } },
  });
  if (!original) throw new WardenError('not_found', 'No such action.');
  if (original.status !== 'succeeded') {
    throw new WardenError(
      'conflict',
      `Only an action that succeeded can be rolled back; this one is ${original.status}.`,
      { status: original.status },
    );
  }
  const tool = original.tool;
  if (!tool || tool.rollbackKind !== 'compensating' || !tool.rollbackToolName) {
    throw new WardenError(
      'conflict',
      `Tool ${original.toolName} declares no compensating tool${tool?.rollbackKind === 'manual' ? ': it is rolled back by hand' : ''}.`,
    );
  }

  const ran = JSON.parse(original.editedParams ?? original.params) as Record<string, unknown>;
  const reported = original.result === null ? null : (JSON.parse(original.result) as { output?: unknown });
  const mapped = resolveRollbackMapping(JSON.parse(tool.rollbackMapping) as Record<string, string>, {
    params: ran,
    result: reported?.output ?? null,
  });
  if (!mapped.ok)
    throw invalidInput(`Cannot build the rollback: ${mapped.message}.`, [
      { path: `rollbackMapping.${mapped.param}`, message: mapped.message },
    ]);

  const note = input.note?.trim() || null;
  const now = Date.now();
  const agentActor = { type: 'agent' as const, id: original.agentId, name: original.agent.name, keyId: 'rollback' };
  const proposal = {
    tool: tool.rollbackToolName,
    params: mapped.params,
    reason: `Rollback of ${original.toolName} action ${original.id}, requested by ${requesterName(actor)}${note ? `: ${note}` : ''}`,
    sources: [],
    traceId: original.traceId,
    paramsHash: paramsHash(original.agentId, tool.rollbackToolName, mapped.params),
    now,
  };

  const outcome = await inTransaction(async (runner) => {
    // Serialises concurrent requests for the same original (PostgreSQL; SQLite's writer is one at a time anyway).
    if (runner.dialect === 'postgresql')
      await runner.query(sql`SELECT "id" FROM "Action" WHERE "id" = ${original.id} FOR UPDATE`);
    const holding = await runner.query<{ id: string; status: string }>(sql`
      SELECT "id", "status" FROM "Action" WHERE "rollbackOfId" = ${original.id} AND "status" IN (${joinSql([...HOLDING_ROLLBACK_STATUSES])}) LIMIT 1`);
    const [held] = holding;
    if (held) {
      throw new WardenError('conflict', `A rollback of this action is already ${held.status} (${held.id}).`, {
        rollbackId: held.id,
        status: held.status,
      });
    }
    const loaded = await loadGateFacts(runner, {
      agentId: original.agentId,
      tool: proposal.tool,
      params: proposal.params,
      reason: proposal.reason,
      traceId: proposal.traceId,
      paramsHash: proposal.paramsHash,
      now,
    });
    const { facts } = loaded;
    const reviewed =
      facts.grant && facts.tool && facts.tool.actionLevel !== 'read' && facts.grant.approvals === 0
        ? { ...loaded, facts: { ...facts, grant: { ...facts.grant, approvals: 1 } } }
        : loaded;
    const plan = planProposal(agentActor, proposal, reviewed);
    if (plan.outcome.kind !== 'created') return plan.outcome;
    const id = plan.outcome.id;
    await recordProposal(plan, {
      runner,
      alongside: [
        sql`UPDATE "Action" SET "rollbackOfId" = ${original.id} WHERE "id" = ${id}`,
        auditEventsStatement([
          {
            actor,
            actionId: original.id,
            agentId: original.agentId,
            type: 'rollback.requested',
            payload: { originalId: original.id, rollbackId: id, tool: proposal.tool, outcome: plan.outcome.outcome },
          },
        ]),
      ],
    });
    return plan.outcome;
  });

  if (outcome.kind === 'invalid') {
    throw invalidInput(
      `The mapped parameters do not match ${proposal.tool}'s schema: ${outcome.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      outcome.issues,
    );
  }
  if (outcome.kind === 'throttled')
    throw new WardenError(
      'rate_limited',
      `The agent's grant throttles ${proposal.tool}: ${outcome.reasons.join('; ')}.`,
    );
  notifyActionChanged(outcome.id);
  return { id: outcome.id, status: outcome.outcome, reasons: outcome.reasons, params: mapped.params };
}

function requesterName(actor: Actor): string {
  return actor.type === 'user' ? actor.name : actor.type;
}

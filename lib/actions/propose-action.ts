import { assertCan, type Actor } from '../auth/actor';
import { auditEventsStatement, recordAuditEvents } from '../audit/record-audit-event';
import { inTransaction, sql } from '../db/sql-runner';
import { newTraceId, uuidV7 } from '../ids/time-ordered-id';
import { invalidInput, WardenError, type FieldIssue } from '../errors';
import { decideProposal, type Outcome } from '../policy/decide-proposal';
import { notifyActionChanged } from '../realtime/action-changes';
import { validateParams } from '../tools/validate-params';
import { insertActionStatement } from './insert-action';
import { loadGateFacts } from './load-gate-facts';
import { paramsHash } from './params-hash';
import { proposeActionSchema, type ProposeActionInput } from './schemas';

export type ProposalResult = { id: string; status: Exclude<Outcome, 'throttled'>; decision: { outcome: Outcome; reasons: string[] } };

/**
 * The gate. Reads the switches, the agent, the tool, the grant and the grant's counters inside one transaction,
 * decides with the pure policy, validates the parameters of anything it would let through, and records the action
 * with its audit events. Invalid parameters (422) and throttling (429) record only the refusal.
 */
export async function proposeAction(actor: Actor, input: ProposeActionInput): Promise<ProposalResult> {
  assertCan(actor, 'actions.propose');
  if (actor.type !== 'agent') throw new WardenError('forbidden', 'Only an agent can propose actions.');
  const proposal = proposeActionSchema.parse(input);
  const now = Date.now();
  const traceId = proposal.traceId ?? newTraceId(now);
  const hash = paramsHash(actor.id, proposal.tool, proposal.params);

  const outcome = await inTransaction(async (runner) => {
    const { facts, tool } = await loadGateFacts(runner, {
      agentId: actor.id, tool: proposal.tool, params: proposal.params, reason: proposal.reason ?? null,
      traceId, paramsHash: hash, requesterAssertion: proposal.requesterAssertion, now,
    });
    const decision = decideProposal(facts);
    const requester = facts.requester;
    const refs = { actor, agentId: actor.id };

    if (decision.outcome !== 'blocked' && tool) {
      const issues = validateParams(tool.parameters, proposal.params);
      if (issues.length > 0) {
        await runner.executeLast([auditEventsStatement([{ ...refs, type: 'action.params_invalid', payload: { tool: tool.name, issues } }])]);
        return { kind: 'invalid' as const, issues };
      }
    }
    if (decision.outcome === 'throttled') {
      await runner.executeLast([auditEventsStatement([{ ...refs, type: 'gate.throttled', payload: { tool: proposal.tool, reasons: decision.reasons } }])]);
      return { kind: 'throttled' as const, reasons: decision.reasons };
    }

    const id = uuidV7(now);
    const pending = decision.outcome === 'pending_review';
    const verifiedRequester = requester.status === 'verified' ? requester.subject : null;
    const writes = [insertActionStatement({
      id,
      agentId: actor.id,
      toolId: tool?.id ?? null,
      toolName: proposal.tool,
      params: JSON.stringify(proposal.params),
      paramsHash: hash,
      reason: proposal.reason ?? null,
      sources: JSON.stringify(proposal.sources),
      requester: verifiedRequester ?? proposal.requester ?? null,
      requesterVerified: verifiedRequester !== null,
      traceId,
      status: decision.outcome,
      approvalsRequired: decision.approvalsRequired,
      approvedParamsHash: decision.outcome === 'approved' ? hash : null,
      gateReasons: JSON.stringify(decision.reasons),
      expiresAt: pending ? new Date(now + (facts.grant?.reviewTimeoutMinutes ?? 60) * 60_000) : null,
      requiredGroups: pending ? JSON.stringify(facts.grant?.requiredGroups ?? []) : '[]',
      assignedGroupId: pending ? facts.grant?.reviewGroupId ?? null : null,
      currentValues: proposal.currentValues ? JSON.stringify(proposal.currentValues) : null,
    }), auditEventsStatement([
      { ...refs, actionId: id, type: 'action.proposed', payload: { tool: proposal.tool, traceId, requester: verifiedRequester ?? proposal.requester ?? null } },
      { ...refs, actionId: id, type: 'gate.decided', payload: { outcome: decision.outcome, reasons: decision.reasons } },
    ])];
    // The action and its audit events are issued together: on PostgreSQL they share one round trip with the COMMIT.
    if (!decision.pauseAgent) await runner.executeLast(writes);
    else {
      // The owner asked for a looping agent to be stopped, not just refused: pause it in the same transaction.
      await Promise.all(writes.map((write) => runner.execute(write)));
      const paused = await runner.execute(sql`UPDATE "Agent" SET "status" = 'paused', "updatedAt" = ${new Date()} WHERE "id" = ${actor.id} AND "status" = 'active'`);
      if (paused === 1) await recordAuditEvents(runner, [{ ...refs, type: 'agent.paused', payload: { reason: 'loop detected by the gate' } }]);
    }
    return { kind: 'created' as const, id, outcome: decision.outcome, reasons: decision.reasons };
  });

  if (outcome.kind === 'invalid') throw invalidParams(outcome.issues);
  if (outcome.kind === 'throttled') throw new WardenError('rate_limited', `Too many calls: ${outcome.reasons.join('; ')}.`, { reasons: outcome.reasons });
  notifyActionChanged(outcome.id);
  return { id: outcome.id, status: outcome.outcome, decision: { outcome: outcome.outcome, reasons: outcome.reasons } };
}

function invalidParams(issues: FieldIssue[]): WardenError {
  return invalidInput(`Parameters do not match the tool's schema: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues);
}

import type { Actor } from '../auth/actor';
import { auditEventsStatement } from '../audit/record-audit-event';
import type { FieldIssue } from '../errors';
import { uuidV7 } from '../ids/time-ordered-id';
import type { ActionLevel } from '../policy/action-levels';
import { decideProposal, type Outcome } from '../policy/decide-proposal';
import { riskColumns } from '../review/risk-columns';
import { validateParams } from '../tools/validate-params';
import { insertActionStatement } from './insert-action';
import type { loadGateFacts } from './load-gate-facts';
import type { proposeActionSchema } from '../actions/schemas';
import type { RecordablePlan } from './record-proposal';
import type { z } from 'zod';

export type GateOutcome =
  | { kind: 'invalid'; issues: FieldIssue[] }
  | { kind: 'throttled'; reasons: string[] }
  | { kind: 'created'; id: string; outcome: Exclude<Outcome, 'throttled'>; reasons: string[] };

/** What the gate will write for one proposal, and what it answers once that is written. */
export type ProposalPlan = RecordablePlan & { outcome: GateOutcome };

/** The stored risk of an action that never waits in the queue (riskVersion 0; nothing reads it). */
const NOT_ASSESSED = { riskFlags: '[]', riskMask: 0, riskWeight: 0, riskVersion: 0 };

type Proposal = z.output<typeof proposeActionSchema> & { traceId: string; paramsHash: string; now: number };

/**
 * The gate's decision on loaded facts, as the rows to write: the pure policy decides; anything it would let through
 * has its parameters validated against the tool's schema; invalid parameters (422) and throttling (429) record only
 * the refusal; everything else records the action with its two audit events. Reads and writes nothing itself.
 */
export function planProposal(
  actor: Extract<Actor, { type: 'agent' }>,
  proposal: Proposal,
  { facts, tool }: Awaited<ReturnType<typeof loadGateFacts>>,
): ProposalPlan {
  const decision = decideProposal(facts);
  const refs = { actor, agentId: actor.id };

  if (decision.outcome !== 'blocked' && tool) {
    const issues = validateParams(tool.parameters, proposal.params);
    if (issues.length > 0) {
      const refusal = auditEventsStatement([
        { ...refs, type: 'action.params_invalid', payload: { tool: tool.name, issues } },
      ]);
      return { outcome: { kind: 'invalid', issues }, writes: [refusal], pauseAgent: null };
    }
  }
  if (decision.outcome === 'throttled') {
    const refusal = auditEventsStatement([
      { ...refs, type: 'gate.throttled', payload: { tool: proposal.tool, reasons: decision.reasons } },
    ]);
    return { outcome: { kind: 'throttled', reasons: decision.reasons }, writes: [refusal], pauseAgent: null };
  }

  const id = uuidV7(proposal.now);
  const pending = decision.outcome === 'pending_review';
  const requester = facts.requester.status === 'verified' ? facts.requester.subject : null;
  // Stored with a pending action, so the queue filters, counts and orders by risk in the database. Only the queue
  // reads these columns (the card assesses afresh), so the calls that never wait for a person skip the cost.
  const risk = pending
    ? riskColumns({
        actionLevel: (tool?.actionLevel as ActionLevel | undefined) ?? null,
        gateReasons: decision.reasons,
        params: proposal.params,
        reason: proposal.reason ?? null,
        sources: proposal.sources,
        requester: requester ?? proposal.requester ?? null,
        requesterVerified: requester !== null,
        currentValues: proposal.currentValues ?? null,
      })
    : NOT_ASSESSED;
  const writes = [
    insertActionStatement({
      id,
      agentId: actor.id,
      toolId: tool?.id ?? null,
      toolName: proposal.tool,
      params: JSON.stringify(proposal.params),
      paramsHash: proposal.paramsHash,
      reason: proposal.reason ?? null,
      sources: JSON.stringify(proposal.sources),
      requester: requester ?? proposal.requester ?? null,
      requesterVerified: requester !== null,
      traceId: proposal.traceId,
      status: decision.outcome,
      approvalsRequired: decision.approvalsRequired,
      approvedParamsHash: decision.outcome === 'approved' ? proposal.paramsHash : null,
      gateReasons: JSON.stringify(decision.reasons),
      expiresAt: pending ? new Date(proposal.now + (facts.grant?.reviewTimeoutMinutes ?? 60) * 60_000) : null,
      requiredGroups: pending ? JSON.stringify(facts.grant?.requiredGroups ?? []) : '[]',
      assignedGroupId: pending ? (facts.grant?.reviewGroupId ?? null) : null,
      currentValues: proposal.currentValues ? JSON.stringify(proposal.currentValues) : null,
      ...risk,
    }),
    auditEventsStatement([
      {
        ...refs,
        actionId: id,
        type: 'action.proposed',
        payload: { tool: proposal.tool, traceId: proposal.traceId, requester: requester ?? proposal.requester ?? null },
      },
      {
        ...refs,
        actionId: id,
        type: 'gate.decided',
        payload: { outcome: decision.outcome, reasons: decision.reasons },
      },
    ]),
  ];
  return {
    outcome: { kind: 'created', id, outcome: decision.outcome, reasons: decision.reasons },
    writes,
    // The owner asked for a looping agent to be stopped, not just refused: paused in the same transaction.
    pauseAgent: decision.pauseAgent
      ? { actor, agentId: actor.id, to: 'paused', reason: 'loop detected by the gate' }
      : null,
  };
}

import { randomBytes, randomUUID } from 'node:crypto';
import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { invalidInput, WardenError, type FieldIssue } from '../errors';
import { readGlobalStop } from '../kill-switches/global-stop';
import type { ActionLevel } from '../policy/action-levels';
import { decideProposal, type Decision } from '../policy/decide-proposal';
import { toGrantPolicy } from '../grants/to-grant-policy';
import { notifyActionChanged } from '../realtime/action-changes';
import { validateParams } from '../tools/validate-params';
import { proposeActionSchema, type ProposeActionInput } from './schemas';

export type ProposalResult = { id: string; status: string; decision: { outcome: string; reasons: string[] } };

/**
 * The gate. Reads the switches, the agent, the tool and the grant inside one transaction, decides with the pure
 * policy, validates the parameters of anything it would let through, and records the action with its audit
 * events — or, for invalid parameters, records only the refusal and answers 422.
 */
export async function proposeAction(actor: Actor, input: ProposeActionInput): Promise<ProposalResult> {
  assertCan(actor, 'actions.propose');
  if (actor.type !== 'agent') throw new WardenError('forbidden', 'Only an agent can propose actions.');
  const proposal = proposeActionSchema.parse(input);
  const traceId = proposal.traceId ?? `tr_${randomBytes(9).toString('base64url')}`;

  const outcome = await db().$transaction(async (tx) => {
    const [globalStop, agent, tool] = await Promise.all([
      readGlobalStop(tx),
      tx.agent.findUniqueOrThrow({ where: { id: actor.id }, select: { status: true, mode: true, environment: true } }),
      tx.tool.findUnique({ where: { name: proposal.tool } }),
    ]);
    const grant = tool
      ? await tx.grant.findUnique({ where: { agentId_toolId: { agentId: actor.id, toolId: tool.id } } })
      : null;
    const decision = decideProposal({
      now: Date.now(),
      globalStop,
      agent,
      tool: tool && { name: tool.name, actionLevel: tool.actionLevel as ActionLevel, enabled: tool.enabled },
      grant: toGrantPolicy(grant),
      proposal: { params: proposal.params, reason: proposal.reason ?? null },
      counters: { callsInWindow: 0, callsInTrace: 0, pending: 0, repeatsInWindow: 0 },
      requester: { status: 'none' },
    });

    if (decision.outcome !== 'blocked' && tool) {
      const issues = validateParams(tool.parameters, proposal.params);
      if (issues.length > 0) {
        await recordAuditEvent(tx, { actor, agentId: actor.id, type: 'action.params_invalid', payload: { tool: tool.name, issues } });
        return { kind: 'invalid' as const, issues };
      }
    }

    if (decision.outcome === 'throttled') return { kind: 'throttled' as const, decision };
    const id = randomUUID();
    await tx.action.create({
      data: {
        id,
        agentId: actor.id,
        toolId: tool?.id ?? null,
        toolName: proposal.tool,
        params: JSON.stringify(proposal.params),
        reason: proposal.reason ?? null,
        sources: JSON.stringify(proposal.sources),
        requester: proposal.requester ?? null,
        traceId,
        status: decision.outcome,
        decisionReason: decision.reasons.join('; '),
      },
    });
    const refs = { actor, actionId: id, agentId: actor.id };
    await recordAuditEvent(tx, { ...refs, type: 'action.proposed', payload: { tool: proposal.tool, traceId, requester: proposal.requester ?? null } });
    await recordAuditEvent(tx, { ...refs, type: 'gate.decided', payload: { outcome: decision.outcome, reasons: decision.reasons } });
    return { kind: 'created' as const, id, decision };
  });

  if (outcome.kind === 'invalid') throw invalidParams(outcome.issues);
  if (outcome.kind === 'throttled') {
    throw new WardenError('rate_limited', `Too many calls: ${outcome.decision.reasons.join('; ')}.`, { reasons: outcome.decision.reasons });
  }
  notifyActionChanged(outcome.id);
  const { outcome: decided, reasons } = outcome.decision;
  return { id: outcome.id, status: decided, decision: { outcome: decided, reasons } };
}

function invalidParams(issues: FieldIssue[]): WardenError {
  return invalidInput(`Parameters do not match the tool's schema: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues);
}

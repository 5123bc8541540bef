import { z } from 'zod';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { inTransaction } from '../db/sql-runner';
import { loadGateFacts } from '../gate/load-gate-facts';
import { paramsHash } from '../actions/params-hash';
import { assertCanControlAgent } from '../agents/assert-can-control-agent';
import { decideProposal } from '../policy/decide-proposal';
import { validateParams } from '../tools/validate-params';
import { WardenError } from '../errors';

export const simulateProposalSchema = z.object({
  agentId: z.string().min(1),
  tool: z.string().trim().min(1, 'choose a tool'),
  params: z.record(z.string(), z.unknown(), { error: 'params must be a JSON object' }),
  reason: z.string().max(2000).optional(),
  requesterAssertion: z.string().trim().max(8000).optional(),
  traceId: z.string().trim().max(200).optional(),
});
export type SimulateProposalInput = z.input<typeof simulateProposalSchema>;

/**
 * "What would happen if this agent called this tool with these parameters, for this requester?" — the real gate's
 * answer on the current state, with the same facts loaded the same way, recording nothing (the transaction only reads).
 */
export async function simulateProposal(actor: Actor, input: SimulateProposalInput) {
  const request = simulateProposalSchema.parse(input);
  const agent = await db().agent.findUnique({ where: { id: request.agentId } });
  if (!agent) throw new WardenError('not_found', 'No such agent.');
  assertCanControlAgent(actor, agent);
  const now = Date.now();
  return inTransaction(async (runner) => {
    const { facts, tool } = await loadGateFacts(runner, {
      agentId: agent.id,
      tool: request.tool,
      params: request.params,
      reason: request.reason?.trim() || null,
      traceId: request.traceId ?? '(simulation)',
      paramsHash: paramsHash(agent.id, request.tool, request.params),
      requesterAssertion: request.requesterAssertion || undefined,
      now,
    });
    const decision = decideProposal(facts);
    const paramIssues = tool && decision.outcome !== 'blocked' ? validateParams(tool.parameters, request.params) : [];
    return {
      outcome: paramIssues.length > 0 ? ('invalid_params' as const) : decision.outcome,
      reasons: decision.reasons,
      approvalsRequired: decision.approvalsRequired,
      paramIssues,
      requester: facts.requester,
    };
  });
}

import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { assertCanControlAgent } from '../agents/assert-can-control-agent';
import { findAgentOrThrow } from '../agents/find-agent';
import type { AgentRef } from '../agents/set-agent-status';
import { canGovernGrants } from '../floors/can-govern-grants';
import { readToolFloor } from '../floors/read-tool-floor';
import { assertConditionParamsKnown, assertMeetsFloor } from './assert-grant-fits-tool';
import { assertReviewGroupsExist } from './assert-review-groups-exist';
import { grantRulesSchema, type GrantRulesInput } from './schemas';
import { toGrantColumns } from './to-grant-policy';

export type GrantToolInput = {
  agent: AgentRef;
  tool: string;
  /** Shorthand for `rules.approvals` 1 / 0 when no other rule is needed; neither: 1, or the admin floor if higher. */
  approvalRequired?: boolean;
  rules?: Partial<GrantRulesInput>;
};

/**
 * Authority is defined before the tool is available: an agent can use a tool only through a grant. An owner's new
 * grant must meet the admin floor (a grant at or above it is not held: every call still gets the floor's reviews).
 */
export async function grantTool(actor: Actor, input: GrantToolInput) {
  const parsed = grantRulesSchema.parse({ approvals: input.approvalRequired === false ? 0 : 1, ...input.rules });
  const approvalsGiven = input.approvalRequired !== undefined || input.rules?.approvals !== undefined;
  return db().$transaction(async (tx) => {
    const agent = await findAgentOrThrow(tx, input.agent);
    assertCanControlAgent(actor, agent);
    const tool = await tx.tool.findUnique({ where: { name: input.tool } });
    if (!tool) throw new WardenError('not_found', `No tool named "${input.tool}".`);
    if (await tx.grant.findUnique({ where: { agentId_toolId: { agentId: agent.id, toolId: tool.id } } })) {
      throw new WardenError('conflict', `${agent.name} already has a grant for ${tool.name}.`);
    }
    // Unsaid, a new grant starts at one approval or at the admin floor when that is higher.
    const rules = approvalsGiven
      ? parsed
      : { ...parsed, approvals: Math.max(parsed.approvals, (await readToolFloor(tx, tool)).minApprovals) };
    await assertReviewGroupsExist(tx, rules);
    assertConditionParamsKnown(tool, rules);
    if (!canGovernGrants(actor)) await assertMeetsFloor(tx, tool, rules);
    const byId = actor.type === 'user' ? actor.id : null;
    const grant = await tx.grant.create({
      data: {
        id: randomUUID(),
        agentId: agent.id,
        toolId: tool.id,
        ...toGrantColumns(rules),
        createdById: byId,
        updatedById: byId,
      },
    });
    await recordAuditEvent(tx, {
      actor,
      agentId: agent.id,
      type: 'grant.created',
      payload: { tool: tool.name, version: 1, after: rules },
    });
    return grant;
  });
}

import { randomUUID } from 'node:crypto';
import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { findAgentOrThrow } from '../agents/find-agent';
import type { AgentRef } from '../agents/set-agent-status';

/** Authority is defined before the tool is available: an agent can use a tool only through a grant. */
export async function grantTool(actor: Actor, input: { agent: AgentRef; tool: string; approvalRequired: boolean }) {
  assertCan(actor, 'agents.manage');
  return db().$transaction(async (tx) => {
    const agent = await findAgentOrThrow(tx, input.agent);
    const tool = await tx.tool.findUnique({ where: { name: input.tool } });
    if (!tool) throw new WardenError('not_found', `No tool named "${input.tool}".`);
    if (await tx.grant.findUnique({ where: { agentId_toolId: { agentId: agent.id, toolId: tool.id } } })) {
      throw new WardenError('conflict', `${agent.name} already has a grant for ${tool.name}.`);
    }
    const createdById = actor.type === 'user' ? actor.id : null;
    const grant = await tx.grant.create({
      data: { id: randomUUID(), agentId: agent.id, toolId: tool.id, approvalRequired: input.approvalRequired, createdById },
    });
    await recordAuditEvent(tx, { actor, agentId: agent.id, type: 'grant.created', payload: { tool: tool.name, approvalRequired: grant.approvalRequired } });
    return grant;
  });
}

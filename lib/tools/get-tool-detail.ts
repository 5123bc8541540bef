import { assertCan, can, type Actor } from '../auth/actor';
import { listEventsOfSubject } from '../audit/list-events-of-subject';
import { db } from '../db/client';
import { WardenError } from '../errors';

/** One tool for its page: its definition, the agents granted it, and its change history (when the viewer may read audit). */
export async function getToolDetail(actor: Actor, toolId: string) {
  assertCan(actor, 'agents.read');
  const tool = await db().tool.findUnique({
    where: { id: toolId },
    include: {
      grants: { include: { agent: { select: { id: true, name: true } } }, orderBy: { agent: { name: 'asc' } } },
    },
  });
  if (!tool) throw new WardenError('not_found', 'No tool with that id.');
  const history = can(actor, 'audit.read')
    ? await listEventsOfSubject({
        types: ['tool.created', 'tool.updated', 'tool.enabled', 'tool.disabled'],
        key: 'name',
        value: tool.name,
      })
    : [];
  return {
    id: tool.id,
    name: tool.name,
    description: tool.description,
    actionLevel: tool.actionLevel,
    parameters: JSON.parse(tool.parameters) as Record<string, unknown>,
    sensitiveFields: JSON.parse(tool.sensitiveFields) as string[],
    summaryTemplate: tool.summaryTemplate,
    supportsRollback: tool.supportsRollback,
    rollbackKind: tool.rollbackKind,
    rollbackInstructions: tool.rollbackInstructions,
    rollbackToolName: tool.rollbackToolName,
    rollbackMapping: JSON.parse(tool.rollbackMapping) as Record<string, string>,
    enabled: tool.enabled,
    updatedAt: tool.updatedAt.toISOString(),
    grants: tool.grants.map((grant) => ({
      id: grant.id,
      agent: grant.agent,
      approvals: grant.approvals,
      expiresAt: grant.expiresAt?.toISOString() ?? null,
    })),
    history,
    viewerCanManage: can(actor, 'tools.manage'),
  };
}

export type ToolDetail = Awaited<ReturnType<typeof getToolDetail>>;

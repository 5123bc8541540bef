import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';

/** Every tool with what it does and how many agents hold a grant for it. */
export async function listTools(actor: Actor) {
  assertCan(actor, 'agents.read');
  const tools = await db().tool.findMany({
    orderBy: { name: 'asc' },
    include: { _count: { select: { grants: true } } },
  });
  return tools.map((tool) => ({
    id: tool.id,
    name: tool.name,
    description: tool.description,
    actionLevel: tool.actionLevel,
    enabled: tool.enabled,
    supportsRollback: tool.supportsRollback,
    grantCount: tool._count.grants,
  }));
}

export type ToolListRow = Awaited<ReturnType<typeof listTools>>[number];

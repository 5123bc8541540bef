import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { canGovernGrants } from '../floors/can-govern-grants';

/**
 * Held grant changes still waiting: of one grant (its editor shows them to everyone who may read the agent), or all
 * of them (the floors page, for admins). A change written against an older version than the grant's is stale: shown
 * so, and refused if approved (reads never write; the approval marks it).
 */
export async function listHeldGrantChanges(actor: Actor, input: { grantId?: string } = {}) {
  assertCan(actor, 'agents.read');
  if (!input.grantId && !canGovernGrants(actor)) return [];
  const requests = await db().grantChangeRequest.findMany({
    where: { status: 'pending', ...(input.grantId ? { grantId: input.grantId } : {}) },
    orderBy: { requestedAt: 'asc' },
    take: 200,
  });
  const [grants, users, agents] = await Promise.all([
    db().grant.findMany({ where: { id: { in: requests.map((r) => r.grantId) } }, select: { id: true, version: true } }),
    db().user.findMany({
      where: { id: { in: requests.map((r) => r.requestedById) } },
      select: { id: true, name: true, email: true },
    }),
    db().agent.findMany({ where: { id: { in: requests.map((r) => r.agentId) } }, select: { id: true, name: true } }),
  ]);
  return requests.map((request) => {
    const grant = grants.find((g) => g.id === request.grantId);
    return {
      id: request.id,
      grantId: request.grantId,
      agent: agents.find((a) => a.id === request.agentId) ?? { id: request.agentId, name: '(unknown agent)' },
      tool: request.toolName,
      baseVersion: request.baseVersion,
      stale: !grant || grant.version !== request.baseVersion,
      loosened: JSON.parse(request.loosened) as string[],
      requestedBy: users.find((u) => u.id === request.requestedById)?.name ?? 'unknown user',
      requestedAt: request.requestedAt.toISOString(),
    };
  });
}

export type HeldGrantChange = Awaited<ReturnType<typeof listHeldGrantChanges>>[number];

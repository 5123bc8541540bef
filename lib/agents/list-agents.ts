import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';

/** Every agent with who answers for it, its state, and how much it holds and waits on; archived ones only on request. */
export async function listAgents(actor: Actor, { includeArchived = false }: { includeArchived?: boolean } = {}) {
  assertCan(actor, 'agents.read');
  const agents = await db().agent.findMany({
    where: includeArchived ? {} : { archivedAt: null },
    orderBy: { name: 'asc' },
    include: {
      owner: { select: { name: true, email: true } },
      _count: { select: { grants: true, actions: { where: { status: 'pending_review' } } } },
    },
  });
  return agents.map((agent) => ({
    id: agent.id,
    name: agent.name,
    owner: agent.owner,
    purpose: agent.purpose,
    environment: agent.environment,
    status: agent.status as 'active' | 'paused',
    mode: agent.mode as 'live' | 'draft_only',
    archivedAt: agent.archivedAt?.toISOString() ?? null,
    grantCount: agent._count.grants,
    pendingCount: agent._count.actions,
  }));
}

export type AgentListRow = Awaited<ReturnType<typeof listAgents>>[number];

import { assertCan, can, type Actor } from '../auth/actor';
import { readAuditPayload } from '../audit/read-audit-payload';
import { db } from '../db/client';
import { readEffectiveStatuses } from '../actions/read-effective-statuses';
import { WardenError } from '../errors';
import type { ActionStatus } from '../policy/action-status';
import { canControlAgent } from './assert-can-control-agent';

const RECENT_ACTIONS = 20;

/**
 * One agent for its detail page: state, grants, keys (prefix and dates only — never the hash), recent actions,
 * and whether the viewer may pause it or change its mode (the same rule the change itself enforces).
 */
export async function getAgentDetail(actor: Actor, agentId: string) {
  assertCan(actor, 'agents.read');
  const agent = await db().agent.findUnique({
    where: { id: agentId },
    include: {
      owner: { select: { id: true, name: true, email: true } },
      grants: {
        include: { tool: { select: { name: true, actionLevel: true, enabled: true } } },
        orderBy: { tool: { name: 'asc' } },
      },
      keys: {
        select: {
          id: true,
          prefix: true,
          label: true,
          createdAt: true,
          lastUsedAt: true,
          expiresAt: true,
          revokedAt: true,
        },
        orderBy: { createdAt: 'desc' },
      },
      actions: {
        orderBy: { createdAt: 'desc' },
        take: RECENT_ACTIONS,
        select: {
          id: true,
          agentId: true,
          toolName: true,
          status: true,
          requester: true,
          createdAt: true,
          expiresAt: true,
        },
      },
    },
  });
  if (!agent) throw new WardenError('not_found', 'No agent with that id.');
  // Why and by whom it was paused: the owner learns of a loop detected by the gate here, and in the audit log.
  const pause =
    agent.status === 'paused'
      ? await db().auditEvent.findFirst({
          where: { agentId: agent.id, type: 'agent.paused' },
          orderBy: { seq: 'desc' },
        })
      : null;
  // What archiving would close: the confirmation names it.
  const statuses = await readEffectiveStatuses(db(), agent.actions);
  const [pendingReview, approved] = await Promise.all([
    db().action.count({ where: { agentId: agent.id, status: 'pending_review' } }),
    db().action.count({ where: { agentId: agent.id, status: 'approved' } }),
  ]);

  return {
    id: agent.id,
    name: agent.name,
    purpose: agent.purpose,
    environment: agent.environment as 'test' | 'production',
    monitoringNote: agent.monitoringNote,
    shutoffContact: agent.shutoffContact,
    manualFallback: agent.manualFallback,
    archivedAt: agent.archivedAt?.toISOString() ?? null,
    /** The compare-and-set token an edit sends back. */
    version: agent.version,
    status: agent.status as 'active' | 'paused',
    mode: agent.mode as 'live' | 'draft_only',
    createdAt: agent.createdAt.toISOString(),
    owner: agent.owner,
    grants: agent.grants.map((grant) => ({
      id: grant.id,
      tool: grant.tool.name,
      actionLevel: grant.tool.actionLevel,
      toolEnabled: grant.tool.enabled,
      /** How many distinct reviewers must approve each call; 0 = none. */
      approvals: grant.approvals,
    })),
    keys: agent.keys.map((key) => ({
      id: key.id,
      prefix: key.prefix,
      label: key.label,
      createdAt: key.createdAt.toISOString(),
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      expiresAt: key.expiresAt?.toISOString() ?? null,
      revokedAt: key.revokedAt?.toISOString() ?? null,
    })),
    recentActions: agent.actions.map((action, i) => ({
      id: action.id,
      tool: action.toolName,
      status: statuses[i] as ActionStatus,
      requester: action.requester,
      createdAt: action.createdAt.toISOString(),
    })),
    waiting: { pendingReview, approved },
    pausedBecause: pause
      ? {
          at: pause.at.toISOString(),
          actorType: pause.actorType,
          by: await pausedBy(pause),
          /** The gate paused it (the loop rule, in the agent's own request): announced on the page, not just badged. */
          byGate: pause.actorType === 'agent',
          reason: pausedReason(pause.payload),
        }
      : null,
    viewerCanControl: canControlAgent(actor, agent),
    /** Transfer, environment, mode by edit, archive: admins, while the agent is not archived. */
    viewerCanManage: can(actor, 'agents.manage') && !agent.archivedAt,
  };
}

export type AgentDetail = Awaited<ReturnType<typeof getAgentDetail>>;

/** Who paused the agent, in words: the person by name, the CLI, or the gate (whose loop pause the agent's request records). */
async function pausedBy(event: { actorType: string; actorId: string | null }): Promise<string> {
  if (event.actorType === 'user' && event.actorId) {
    const user = await db().user.findUnique({ where: { id: event.actorId }, select: { name: true } });
    return user?.name ?? 'a former user';
  }
  if (event.actorType === 'cli') return 'the admin CLI';
  if (event.actorType === 'agent') return 'the gate';
  return 'Warden';
}

/** The reason recorded with the pause; an unreadable payload (an older shape) is shown as recorded. */
function pausedReason(payload: string): string | null {
  const read = readAuditPayload('agent.paused', payload);
  return read.unparsed ? read.raw : read.payload.reason;
}

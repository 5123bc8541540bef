import { assertCan, can, isAdmin, type Actor } from '../auth/actor';
import { db } from '../db/client';
import type { ActionLevel } from '../policy/action-levels';
import { quorumProgress } from '../policy/review-quorum';
import { waitingForReviewer, type ReviewerFacts } from '../policy/waiting-for-reviewer';
import { assessRisk, type RiskFlag } from '../review/assess-risk';
import { countQueue, filterQueue } from '../review/filter-queue';
import type { QueueFilter } from '../review/schemas';
import { maskParams, renderSummary } from '../tools/present-params';
import { expireOverdueActions } from './expire-action';

export type PendingActionRow = {
  id: string;
  /** The tool's one-line summary of the call (sensitive values masked for those who may not see them), or null. */
  summary: string | null;
  tool: string;
  agent: string;
  actionLevel: ActionLevel | null;
  riskFlags: RiskFlag[];
  riskCodes: RiskFlag['code'][];
  requester: string | null;
  requesterVerified: boolean;
  approvals: number;
  required: number;
  assignedGroup: string | null;
  traceId: string;
  createdAt: string;
  expiresAt: string | null;
  waitingForMe: boolean;
  /** Waiting for me only because I am an admin: approving would override separation of duties. */
  override: boolean;
};

/** Cap on what the queue reads: a queue longer than this is an incident, not a list to scroll. */
const MAX_ROWS = 1000;

/**
 * The review queue for one reviewer: every pending action with what a reviewer needs at a glance (summary, level,
 * risk flags, quorum progress, assigned group, age against the deadline, whether it waits for them), narrowed by the
 * filters, newest first. Risk flags and "waiting for me" are computed here, not in SQL, so the rows are read once
 * and filtered in memory (lib/review/filter-queue.ts); also returns the faceted counts, the choices for the filter
 * menus, and the other pending actions of each trace shown, for "approve all in trace".
 */
export async function listPendingActions(actor: Actor, filter: QueueFilter = {}) {
  assertCan(actor, 'actions.read');
  await expireOverdueActions();
  const [rows, groups, myGroups] = await Promise.all([
    db().action.findMany({
      where: { status: 'pending_review' },
      orderBy: { createdAt: 'desc' },
      take: MAX_ROWS,
      select: {
        id: true, toolName: true, toolId: true, agentId: true, params: true, editedParams: true, reason: true, sources: true,
        requester: true, requesterVerified: true, traceId: true, approvalsRequired: true, requiredGroups: true,
        assignedGroupId: true, gateReasons: true, createdAt: true, expiresAt: true,
        agent: { select: { name: true, ownerId: true } },
        tool: { select: { actionLevel: true, supportsRollback: true, sensitiveFields: true, summaryTemplate: true } },
        approvals: { select: { reviewerId: true, groupId: true } },
      },
    }),
    db().reviewerGroup.findMany({ select: { id: true, name: true } }),
    actor.type === 'user' ? db().reviewerGroupMember.findMany({ where: { userId: actor.id }, select: { groupId: true } }) : [],
  ]);
  const [ownerGrants, approverGroups] = await Promise.all([
    db().grant.findMany({
      where: { ownerMayApprove: true, agentId: { in: [...new Set(rows.map((row) => row.agentId))] } },
      select: { agentId: true, toolId: true },
    }),
    // Earlier approvers' groups: the quorum re-matches approvers to groups, as the decision does.
    db().reviewerGroupMember.findMany({
      where: { userId: { in: [...new Set(rows.flatMap((row) => row.approvals.map((approval) => approval.reviewerId)))] } },
      select: { userId: true, groupId: true },
    }),
  ]);
  const groupsByApprover = new Map<string, string[]>();
  for (const { userId, groupId } of approverGroups) groupsByApprover.set(userId, [...(groupsByApprover.get(userId) ?? []), groupId]);

  const reviewer: ReviewerFacts | null = actor.type === 'user'
    ? { id: actor.id, email: actor.email, canDecide: can(actor, 'actions.decide'), isAdmin: isAdmin(actor), groupIds: myGroups.map((m) => m.groupId) }
    : null;
  const seeSensitive = can(actor, 'actions.read_sensitive');
  const groupName = (id: string | null) => (id ? (groups.find((group) => group.id === id)?.name ?? id) : null);

  const all: PendingActionRow[] = rows.map((row) => {
    const params = JSON.parse(row.editedParams ?? row.params) as Record<string, unknown>;
    const actionLevel = (row.tool?.actionLevel as ActionLevel | undefined) ?? null;
    const riskFlags = assessRisk({
      actionLevel,
      supportsRollback: row.tool?.supportsRollback ?? false,
      gateReasons: JSON.parse(row.gateReasons) as string[],
      params,
      reason: row.reason,
      sources: JSON.parse(row.sources) as unknown[],
      requester: row.requester,
      requesterVerified: row.requesterVerified,
    });
    const quorum = {
      required: row.approvalsRequired,
      requiredGroups: JSON.parse(row.requiredGroups) as string[],
      approvals: row.approvals.map((approval) => ({ ...approval, groups: groupsByApprover.get(approval.reviewerId) ?? [] })),
    };
    const waiting = reviewer
      ? waitingForReviewer(reviewer, {
          ...quorum,
          requester: row.requester,
          agentOwnerId: row.agent.ownerId,
          ownerMayApprove: ownerGrants.some((grant) => grant.agentId === row.agentId && grant.toolId === row.toolId),
          assignedGroupId: row.assignedGroupId,
        })
      : { waiting: false as const };
    const progress = quorumProgress(quorum);
    const template = row.tool?.summaryTemplate;
    const shown = seeSensitive ? params : maskParams(params, JSON.parse(row.tool?.sensitiveFields ?? '[]') as string[]);
    return {
      id: row.id,
      summary: template ? renderSummary(template, shown) : null,
      tool: row.toolName,
      agent: row.agent.name,
      actionLevel,
      riskFlags,
      riskCodes: [...new Set(riskFlags.map((flag) => flag.code))],
      requester: row.requester,
      requesterVerified: row.requesterVerified,
      approvals: progress.approvals,
      required: progress.required,
      assignedGroup: groupName(row.assignedGroupId),
      traceId: row.traceId,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt?.toISOString() ?? null,
      waitingForMe: waiting.waiting,
      override: waiting.waiting && waiting.override,
    };
  });

  const now = Date.now();
  const actions = filterQueue(all, filter, now);
  const shownTraces = new Set(actions.map((action) => action.traceId));
  const traces: Record<string, PendingActionRow[]> = {};
  for (const action of all) if (shownTraces.has(action.traceId)) (traces[action.traceId] ??= []).push(action);
  for (const [traceId, members] of Object.entries(traces)) if (members.length < 2) delete traces[traceId];

  return {
    actions,
    /** Pending actions sharing a trace with a shown row, when there are several (all of them, filtered or not). */
    traces,
    counts: countQueue(all, filter, now),
    total: all.length,
    agents: [...new Set(all.map((action) => action.agent))].sort(),
    tools: [...new Set(all.map((action) => action.tool))].sort(),
    canDecide: reviewer?.canDecide ?? false,
  };
}

export type ReviewQueue = Awaited<ReturnType<typeof listPendingActions>>;

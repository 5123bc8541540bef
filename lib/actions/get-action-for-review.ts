import { assertCan, can, type Actor } from '../auth/actor';
import { toAuditEventViews } from '../audit/audit-event-view';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { isWriteLevel, type ActionLevel } from '../policy/action-levels';
import { expiryReason } from '../policy/effective-status';
import { quorumProgress } from '../policy/review-quorum';
import { assessRiskForViewer } from '../review/assess-risk-for-viewer';
import { diffValues } from '../review/diff-values';
import { emailPreview } from '../review/email-preview';
import { MASK } from '../policy/mask';
import { maskParams, renderSummary } from '../tools/present-params';
import { toActionView } from './action-view';
import { readEffectiveStatus } from './read-effective-status';

export type ReviewOutcome = {
  decision: 'approved' | 'rejected';
  by: { name: string; email: string } | null;
  at: string;
  comment: string | null;
};

/**
 * One action as a reviewer needs to see it: what the agent asked for, on whose behalf, why (in the agent's words),
 * how it reads (summary, e-mail preview, before/after), what looks risky and why, what the gate decided, who has
 * approved so far and which group is asked, and its whole audit trail, oldest first.
 * Reads only: an action past its review deadline shows as expired (lib/policy/effective-status.ts).
 * The reviewer's comment is read from the audit trail (the action row keeps only the latest reason).
 * Parameters the tool marks sensitive are masked for people without `actions.read_sensitive`, everywhere they
 * appear here (parameters, edited parameters, current values, previews).
 */
export async function getActionForReview(actor: Actor, actionId: string) {
  assertCan(actor, 'actions.read');
  const row = await db().action.findUnique({
    where: { id: actionId },
    include: {
      agent: { select: { id: true, name: true } },
      tool: {
        select: {
          actionLevel: true,
          description: true,
          sensitiveFields: true,
          summaryTemplate: true,
          parameters: true,
          supportsRollback: true,
        },
      },
      reviewer: { select: { id: true, email: true, name: true } },
      events: { orderBy: { seq: 'asc' } },
      approvals: { orderBy: { createdAt: 'asc' } },
    },
  });
  if (!row) throw new WardenError('not_found', 'No such action.');

  const events = await toAuditEventViews(db(), row.events);
  const actionLevel = (row.tool?.actionLevel as ActionLevel | undefined) ?? null;
  const review = events.find((event) => event.type === 'action.approved' || event.type === 'action.rejected');
  // Past its deadline and not frozen by a stop it reads expired (nothing is written: the job commits it), so nobody
  // is offered a decision the compare-and-set would refuse.
  const { status } = await readEffectiveStatus(db(), row);
  const view = toActionView(
    status === row.status ? row : { ...row, status, decisionReason: expiryReason(row.expiresAt!) },
  );
  const sensitive = JSON.parse(row.tool?.sensitiveFields ?? '[]') as string[];
  const seesSensitive = can(actor, 'actions.read_sensitive');
  const hidden = seesSensitive ? [] : sensitive;
  const mask = (params: Record<string, unknown>) => maskParams(params, hidden);
  // The agent view's params are the version to run; the card shows the submitted ones and the edit beside them.
  const { originalParams, ...rest } = view;
  const submitted = originalParams ?? view.params;
  const action = { ...rest, params: mask(submitted) };

  const editedRaw = row.editedParams === null ? null : (JSON.parse(row.editedParams) as Record<string, unknown>);
  const lastEdit = events.findLast((event) => event.type === 'action.params_edited');
  const edited = editedRaw && {
    params: mask(editedRaw),
    version: row.paramsVersion,
    by: lastEdit?.actorName ?? null,
    at: lastEdit?.at ?? null,
    /** Paths the edit changed, added or dropped, compared unmasked so a hidden change still shows as one. */
    changedPaths: diffValues(submitted, editedRaw)
      .filter((entry) => entry.kind !== 'unchanged')
      .map((entry) => entry.path),
  };
  // What will run if approved: a reviewer's edit replaces the agent's parameters.
  const effectiveRaw = editedRaw ?? submitted;
  const effective = edited?.params ?? action.params;
  const currentValues = row.currentValues === null ? null : (JSON.parse(row.currentValues) as Record<string, unknown>);

  const requiredGroups = JSON.parse(row.requiredGroups) as string[];
  const groupIds = [
    ...requiredGroups,
    ...row.approvals.flatMap((a) => (a.groupId ? [a.groupId] : [])),
    ...(row.assignedGroupId ? [row.assignedGroupId] : []),
  ];
  const viewerCanDecide = action.status === 'pending_review' && can(actor, 'actions.decide');
  const viewerApproved = actor.type === 'user' && row.approvals.some((approval) => approval.reviewerId === actor.id);
  const [reviewers, groups] = await Promise.all([
    db().user.findMany({
      where: { id: { in: row.approvals.map((approval) => approval.reviewerId) } },
      select: { id: true, name: true, email: true },
    }),
    // Every group when the viewer may escalate (to choose from), else only the ones this action names.
    db().reviewerGroup.findMany({
      where: viewerCanDecide ? {} : { id: { in: groupIds } },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  const groupName = (id: string) => groups.find((group) => group.id === id)?.name ?? 'a deleted group';
  const progress = quorumProgress({
    required: row.approvalsRequired,
    requiredGroups,
    approvals: row.approvals.map((approval) => ({ reviewerId: approval.reviewerId, groupId: approval.groupId })),
  });

  return {
    action,
    agent: row.agent,
    actionLevel,
    /** Whether the tool can undo a call (null: no such tool); shown with the level, since it holds for every call. */
    supportsRollback: row.tool?.supportsRollback ?? null,
    toolDescription: row.tool?.description ?? null,
    summary: row.tool?.summaryTemplate ? renderSummary(row.tool.summaryTemplate, effective) : null,
    paramsMasked: hidden.length > 0,
    /** The sensitive paths masked for this viewer (empty when they may see everything). */
    maskedPaths: hidden,
    /** A reviewer's edit of the parameters (the version the agent will receive), or null. */
    edited,
    /** The parameters as an e-mail the recipient will read, when the tool sends one (lib/review/email-preview.ts). */
    email: row.tool ? emailPreview(JSON.parse(row.tool.parameters) as unknown, effective) : null,
    /** The record's values as the agent read them, beside the values that will be written. */
    diff: currentValues ? diffValues(currentValues, effectiveRaw, { sensitive: hidden, mask: MASK }) : null,
    /** Flags of the version that would run; found on the real values, quoting only what this viewer may see. */
    risks: assessRiskForViewer(
      {
        actionLevel,
        gateReasons: view.decision.reasons,
        params: effectiveRaw,
        reason: view.reason,
        sources: view.sources,
        requester: view.requester,
        requesterVerified: view.requesterVerified,
        currentValues,
      },
      { params: effective, currentValues: currentValues && mask(currentValues) },
    ),
    isWrite: actionLevel !== null && isWriteLevel(actionLevel),
    gateReasons: view.decision.reasons,
    review: review
      ? ({
          decision: review.type === 'action.approved' ? 'approved' : 'rejected',
          by: row.reviewer,
          at: review.at,
          comment:
            !review.unparsed && (review.type === 'action.approved' || review.type === 'action.rejected')
              ? review.payload.comment
              : null,
        } satisfies ReviewOutcome)
      : null,
    /** Approvals recorded so far, with the required group each one counts for. */
    approvals: row.approvals.map((approval) => ({
      reviewer: reviewers.find((user) => user.id === approval.reviewerId) ?? null,
      group: approval.groupId ? groupName(approval.groupId) : null,
      comment: approval.comment,
      at: approval.createdAt.toISOString(),
    })),
    /** "1 of 2", and for each required group whether one of its members has approved. */
    quorum: {
      ...progress,
      groups: progress.groups.map((group) => ({ name: groupName(group.groupId), approved: group.approved })),
    },
    assignedGroup: row.assignedGroupId ? { id: row.assignedGroupId, name: groupName(row.assignedGroupId) } : null,
    /** Groups the viewer may hand this action to (all but the one already asked); empty when they cannot decide. */
    escalationGroups: viewerCanDecide ? groups.filter((group) => group.id !== row.assignedGroupId) : [],
    events,
    viewerCanDecide,
    /**
     * The viewer's own approval of this still-pending action (a quorum waits for others): they are not offered
     * Approve or Reject again, but told how many approvals and which groups are still missing.
     */
    viewerApproval:
      viewerCanDecide && viewerApproved
        ? {
            remaining: Math.max(0, progress.required - progress.approvals),
            missingGroups: progress.groups.filter((g) => !g.approved).map((g) => groupName(g.groupId)),
          }
        : null,
    /** Approved with a reviewer's edit of the parameters: the version released is not the one the agent proposed. */
    approvedWithEdits: review?.type === 'action.approved' && row.editedParams !== null,
  };
}

export type ActionForReview = Awaited<ReturnType<typeof getActionForReview>>;

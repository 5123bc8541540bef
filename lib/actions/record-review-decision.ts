import { isAdmin, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Tx } from '../db/client';
import { WardenError } from '../errors';
import { holdSwitchesSteady, readEngagedSwitchesInTx, readGlobalStop } from '../kill-switches/global-stop';
import { planApproval } from '../policy/review-quorum';
import { applicableSwitches, switchBlocks } from '../policy/switch-effects';
import { separationOfDutiesConflicts } from '../policy/waiting-for-reviewer';
import { transitionAction } from './transition-action';
import { prismaRunner } from '../db/sql-runner';

const formatUtc = (date: Date) => `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

export type ReviewDecision = 'approved' | 'rejected';
export type Reviewer = Extract<Actor, { type: 'user' }>;
export type DecisionOutcome = { status: string; approvals: number; required: number; missingGroups: string[] };

/**
 * One reviewer's decision on a pending action, inside the caller's transaction (so edit-and-approve can change the
 * parameters and approve atomically). A rejection decides at once; an approval is recorded per reviewer and moves
 * the action to approved when the quorum is complete: N distinct reviewers, one from each required group
 * (lib/policy/review-quorum.ts). The approval is bound to the hash of the parameters current at that moment.
 * The caller has checked the action is pending and not overdue; this function locks it first.
 */
/**
 * Waiting for review while a block switch holds: frozen. Nobody approves it until the switch is released (a
 * rejection stays possible: it only makes things safer).
 */
async function refuseWhileBlocked(tx: Tx, action: { agentId: string; toolName: string }) {
  await holdSwitchesSteady(prismaRunner(tx));
  const stop = await readGlobalStop(tx);
  const blocks = [
    ...(stop.engaged ? [stop.reason ? `global stop is engaged: ${stop.reason}` : 'global stop is engaged'] : []),
    ...switchBlocks(
      applicableSwitches(await readEngagedSwitchesInTx(tx, action.agentId), action.agentId, action.toolName),
      action.agentId,
      action.toolName,
    ),
  ];
  if (blocks.length > 0) {
    throw new WardenError('conflict', `This action cannot be approved while a stop holds: ${blocks.join('; ')}.`, {
      reasons: blocks,
      frozen: true,
    });
  }
}

export async function recordReviewDecision(
  tx: Tx,
  actor: Reviewer,
  actionId: string,
  decision: ReviewDecision,
  comment: string | null,
): Promise<DecisionOutcome> {
  // Lock the action first (a compare-and-set that changes nothing visible): concurrent reviewers of the same action
  // queue here, so each one's reads below see every approval committed before it.
  const { count: locked } = await tx.action.updateMany({
    where: { id: actionId, status: 'pending_review' },
    data: { updatedAt: new Date() },
  });
  if (locked !== 1) throw await alreadyDecided(tx, actionId);
  const action = await tx.action.findUniqueOrThrow({
    where: { id: actionId },
    include: { agent: { select: { ownerId: true } } },
  });
  const refs = { actor, actionId, agentId: action.agentId };
  const requiredGroups = JSON.parse(action.requiredGroups) as string[];
  const required = Math.max(action.approvalsRequired, requiredGroups.length, 1);
  let approvals = 0;
  let override: string | undefined;

  if (decision === 'approved') {
    await refuseWhileBlocked(tx, action);
    override = await separationOfDuties(tx, actor, action);
    const given = await tx.actionApproval.findMany({
      where: { actionId },
      select: { reviewerId: true, groupId: true },
    });
    // Today's memberships of every approver in the required groups: the quorum re-matches approvers to groups.
    const memberships =
      requiredGroups.length === 0
        ? []
        : await tx.reviewerGroupMember.findMany({
            where: { userId: { in: [actor.id, ...given.map((a) => a.reviewerId)] }, groupId: { in: requiredGroups } },
            select: { userId: true, groupId: true },
          });
    const groupsOf = (userId: string) => memberships.filter((m) => m.userId === userId).map((m) => m.groupId);
    const approvalsSoFar = given.map((a) => ({ ...a, groups: groupsOf(a.reviewerId) }));
    const plan = planApproval({ required, requiredGroups, approvals: approvalsSoFar }, actor.id, groupsOf(actor.id));
    if (!plan.ok && plan.reason === 'already_approved') {
      throw new WardenError('conflict', 'You have already approved this action; another reviewer must approve it too.');
    }
    if (!plan.ok) {
      const names = await groupNames(tx, plan.missingGroups);
      throw new WardenError(
        'forbidden',
        `This action still needs an approval from ${names.join(' and ')}, and you are not a member.`,
        { missingGroups: names },
      );
    }
    for (const moved of plan.assignments) {
      const before = given.find((a) => a.reviewerId === moved.reviewerId);
      if (before && before.groupId !== moved.groupId) {
        await tx.actionApproval.update({
          where: { actionId_reviewerId: { actionId, reviewerId: moved.reviewerId } },
          data: { groupId: moved.groupId },
        });
      }
    }
    await tx.actionApproval.create({ data: { actionId, reviewerId: actor.id, groupId: plan.groupId, comment } });
    approvals = plan.approvals;
    if (!plan.complete) {
      await recordAuditEvent(tx, {
        ...refs,
        type: 'action.approval_recorded',
        payload: {
          comment,
          approvals,
          required,
          ...(plan.groupId && { group: (await groupNames(tx, [plan.groupId]))[0] }),
          ...(override && { override }),
        },
      });
      const missing = requiredGroups.filter((g) => !plan.assignments.some((a) => a.groupId === g));
      return { status: 'pending_review', approvals, required, missingGroups: await groupNames(tx, missing) };
    }
  }
  const moved = await transitionAction(prismaRunner(tx), {
    id: actionId,
    from: 'pending_review',
    to: decision,
    changes: {
      reviewerId: actor.id,
      decidedAt: new Date(),
      decisionReason: comment,
      approvedParamsHash: decision === 'approved' ? action.paramsHash : null,
    },
  });
  if (!moved) throw await alreadyDecided(tx, actionId);
  await recordAuditEvent(
    tx,
    decision === 'approved'
      ? { ...refs, type: 'action.approved', payload: { comment, ...(override && { override }) } }
      : { ...refs, type: 'action.rejected', payload: { comment } },
  );
  return { status: decision, approvals, required, missingGroups: [] };
}

/**
 * Separation of duties: neither the person an action was requested for nor the agent's owner (unless the grant allows
 * owners) may approve it. An admin may override; the override is returned so the audit event records it as such.
 */
async function separationOfDuties(
  tx: Tx,
  actor: Reviewer,
  action: { requester: string | null; agentId: string; toolId: string | null; agent: { ownerId: string } },
): Promise<string | undefined> {
  // The agent's owner is a conflict only when the grant does not let owners approve.
  const ownerMayApprove =
    action.agent.ownerId === actor.id && action.toolId
      ? ((
          await tx.grant.findUnique({
            where: { agentId_toolId: { agentId: action.agentId, toolId: action.toolId } },
            select: { ownerMayApprove: true },
          })
        )?.ownerMayApprove ?? false)
      : false;
  const conflicts = separationOfDutiesConflicts(actor, {
    requester: action.requester,
    agentOwnerId: action.agent.ownerId,
    ownerMayApprove,
  });
  if (conflicts.length === 0) return undefined;
  if (!isAdmin(actor))
    throw new WardenError('forbidden', `You cannot approve this action: it was ${conflicts.join(' and ')}.`);
  return `admin override: ${conflicts.join('; ')}`;
}

async function groupNames(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.reviewerGroup.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return ids.map((id) => rows.find((r) => r.id === id)?.name ?? id);
}

/** "already decided by … at …": the message a racing reviewer gets. */
export async function alreadyDecided(tx: Tx, actionId: string) {
  const current = await tx.action.findUniqueOrThrow({
    where: { id: actionId },
    select: { status: true, decidedAt: true, reviewer: { select: { email: true, name: true } } },
  });
  const by = current.reviewer ? ` by ${current.reviewer.name} (${current.reviewer.email})` : '';
  const when = current.decidedAt ? ` at ${formatUtc(current.decidedAt)}` : '';
  return new WardenError('conflict', `This action was already decided${by}${when}: it is ${current.status}.`, {
    status: current.status,
    decidedBy: current.reviewer?.email ?? null,
    decidedAt: current.decidedAt?.toISOString() ?? null,
  });
}

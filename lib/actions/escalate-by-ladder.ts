import type { Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db/client';
import { dueEscalationStep } from '../policy/escalation-ladder';
import type { EscalationStep } from '../policy/grant-policy';
import { notifyActionChanged } from '../realtime/action-changes';

const LADDER: Actor = { type: 'system', id: 'escalation-ladder' };

export type LadderCandidate = {
  id: string;
  agentId: string;
  createdAt: Date;
  escalationLevel: number;
  assignedGroupId: string | null;
};

/**
 * Takes the next step of the grant's escalation ladder if it is due, inside the caller's transaction: a compare-and-set
 * of (pending, level L, the group seen, deadline not passed) → level L+1 and the step's group, with its
 * `action.escalated` event (automatic, by the system). Safe under concurrency: of two workers seeing level L, one
 * moves it; the other's update matches nothing and records nothing. Returns whether this call escalated.
 */
export async function escalateByLadder(
  tx: Tx,
  action: LadderCandidate,
  ladder: readonly EscalationStep[],
  now = new Date(),
): Promise<boolean> {
  const step = dueEscalationStep(ladder, action, now);
  if (!step) return false;
  const { count } = await tx.action.updateMany({
    where: {
      id: action.id,
      status: 'pending_review',
      escalationLevel: action.escalationLevel,
      assignedGroupId: action.assignedGroupId,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }], // past its deadline it expires instead
    },
    data: { escalationLevel: step.level, assignedGroupId: step.groupId },
  });
  if (count !== 1) return false;
  const names = await tx.reviewerGroup.findMany({
    where: { id: { in: [step.groupId, ...(action.assignedGroupId ? [action.assignedGroupId] : [])] } },
    select: { id: true, name: true },
  });
  const nameOf = (id: string | null) => (id ? (names.find((g) => g.id === id)?.name ?? id) : null);
  await recordAuditEvent(tx, {
    actor: LADDER,
    actionId: action.id,
    agentId: action.agentId,
    type: 'action.escalated',
    payload: {
      fromGroupId: action.assignedGroupId,
      toGroupId: step.groupId,
      fromGroup: nameOf(action.assignedGroupId),
      toGroup: nameOf(step.groupId)!,
      note: null,
      level: step.level,
      automatic: true,
    },
  });
  return true;
}

/**
 * Every pending action whose grant has an escalation ladder, checked against it (one step each per call). Ladders
 * are read from the grant as it is now, so an owner's change applies to actions already waiting.
 */
export async function escalateOverdueActions(now = new Date()): Promise<number> {
  const grants = await db().grant.findMany({
    where: { NOT: { escalationLadder: '[]' } },
    select: { agentId: true, toolId: true, escalationLadder: true },
  });
  if (grants.length === 0) return 0;
  const ladders = new Map(
    grants.map((grant) => [`${grant.agentId} ${grant.toolId}`, readLadder(grant.escalationLadder)]),
  );
  const pending = await db().action.findMany({
    where: { status: 'pending_review', OR: grants.map((grant) => ({ agentId: grant.agentId, toolId: grant.toolId })) },
    select: { id: true, agentId: true, toolId: true, createdAt: true, escalationLevel: true, assignedGroupId: true },
    orderBy: { createdAt: 'asc' },
  });
  let escalated = 0;
  for (const action of pending) {
    const ladder = ladders.get(`${action.agentId} ${action.toolId}`) ?? [];
    if (!dueEscalationStep(ladder, action, now)) continue;
    if (await db().$transaction((tx) => escalateByLadder(tx, action, ladder, now))) {
      escalated += 1;
      notifyActionChanged(action.id);
    }
  }
  return escalated;
}

/** The stored ladder (validated when the grant was saved); an unreadable one escalates nothing rather than stopping the worker. */
function readLadder(text: string): EscalationStep[] {
  try {
    const steps: unknown = JSON.parse(text);
    if (!Array.isArray(steps)) return [];
    return steps.filter(
      (s): s is EscalationStep => typeof s?.afterMinutes === 'number' && typeof s?.groupId === 'string',
    );
  } catch {
    return [];
  }
}

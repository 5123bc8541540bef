import { separationOfDutiesConflicts } from './waiting-for-reviewer';

export type NextCandidate = {
  id: string;
  createdAt: Date;
  requester: string | null;
  agentOwnerId: string;
  /** The grant lets the agent's owner approve this tool's actions. */
  ownerMayApprove: boolean;
};

type Reviewer = { id: string; email: string; isAdmin: boolean };

/**
 * After a decision on the card, which pending action to open next. `candidates` are pending actions the reviewer has
 * not approved, other than the decided one, in queue order (newest first: proposal time, then id). The next one is
 * the first below the decided action; past the bottom, the newest one left (arrived meanwhile, or skipped). Actions
 * separation of duties forbids the reviewer are skipped, except for admins, who may override (as "waiting for me"
 * counts them). Null: nothing else waits for this reviewer.
 */
export function pickNextPendingAction(
  candidates: readonly NextCandidate[],
  after: { id: string; createdAt: Date },
  reviewer: Reviewer,
): string | null {
  const actionable = candidates.filter(
    (candidate) =>
      candidate.id !== after.id && (reviewer.isAdmin || separationOfDutiesConflicts(reviewer, candidate).length === 0),
  );
  const below = (candidate: NextCandidate) =>
    candidate.createdAt < after.createdAt ||
    (candidate.createdAt.getTime() === after.createdAt.getTime() && candidate.id < after.id);
  return (actionable.find(below) ?? actionable[0])?.id ?? null;
}

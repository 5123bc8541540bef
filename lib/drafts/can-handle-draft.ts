import { assertCan, can, type Actor } from '../auth/actor';
import { WardenError } from '../errors';

type DraftAgent = { ownerId: string; name: string; archivedAt: Date | null };

/**
 * Who may promote or discard a draft: reviewers and admins (actions.decide), and the agent's owner. Promoting only
 * queues the draft for review, where separation of duties still keeps the owner from approving it, so the owner
 * needs no decide power to ask for that review. An archived agent's drafts are read-only.
 */
export function canHandleDraft(actor: Actor, agent: DraftAgent): boolean {
  if (actor.type !== 'user' || agent.archivedAt) return false;
  return can(actor, 'actions.decide') || (can(actor, 'agents.control') && agent.ownerId === actor.id);
}

export function assertCanHandleDraft(actor: Actor, agent: DraftAgent): void {
  assertCan(actor, 'actions.read');
  if (actor.type !== 'user')
    throw new WardenError('forbidden', 'Only a signed-in person can promote or discard a draft.');
  if (agent.archivedAt)
    throw new WardenError('conflict', `Agent "${agent.name}" is archived: its drafts are read-only.`, {
      archived: true,
    });
  if (!canHandleDraft(actor, agent))
    throw new WardenError('forbidden', 'Not allowed: this needs a reviewer, an admin or the owner of this agent.');
}

/** The 409 for a draft whose fate is already decided. */
export function draftFateConflict(fate: string, promotedActionId: string | null): WardenError {
  const detail = fate === 'promoted' && promotedActionId ? ` (to action ${promotedActionId})` : '';
  return new WardenError('conflict', `This draft was already ${fate}${detail}.`, { fate, promotedActionId });
}

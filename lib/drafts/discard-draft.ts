import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { notifyActionChanged } from '../realtime/action-changes';
import { assertCanHandleDraft, draftFateConflict } from './can-handle-draft';
import { loadDraft } from './load-draft';
import { draftIdSchema, type DraftIdInput } from './schemas';

/** Discard a draft: its fate becomes `discarded` (a compare-and-set with its audit event); it stays `draft`. */
export async function discardDraft(actor: Actor, input: DraftIdInput): Promise<{ id: string; fate: 'discarded' }> {
  assertCan(actor, 'actions.read');
  const { draftId } = draftIdSchema.parse(input);
  const draft = await loadDraft(draftId);
  assertCanHandleDraft(actor, draft.agent);

  const discarded = await db().$transaction(async (tx) => {
    const { count } = await tx.action.updateMany({
      where: { id: draft.id, status: 'draft', draftFate: null },
      data: { draftFate: 'discarded', draftFateById: actor.id, draftFateAt: new Date() },
    });
    if (count !== 1) return false;
    await recordAuditEvent(tx, {
      actor,
      agentId: draft.agentId,
      actionId: draft.id,
      type: 'draft.discarded',
      payload: {},
    });
    return true;
  });
  if (!discarded) {
    const current = await loadDraft(draft.id);
    throw draftFateConflict(current.draftFate ?? 'decided', current.promotedActionId);
  }
  notifyActionChanged(draft.id);
  return { id: draft.id, fate: 'discarded' };
}

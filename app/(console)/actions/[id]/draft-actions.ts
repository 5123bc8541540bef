'use server';

import { revalidatePath } from 'next/cache';
import { getUserActor } from '@/lib/auth/get-user-actor';
import { discardDraft } from '@/lib/drafts/discard-draft';
import { promoteDraft } from '@/lib/drafts/promote-draft';
import { draftIdSchema } from '@/lib/drafts/schemas';
import { toFormError } from '../../errors';

export type DraftResult = { ok: true; data: { id: string; promotedActionId?: string } } | { ok: false; error: string };

/** Send a draft to the review queue as a new pending action; the domain checks who may and what the gate says now. */
export async function promoteDraftAction(input: { draftId: string }): Promise<DraftResult> {
  try {
    const actor = await getUserActor();
    if (!actor) return { ok: false, error: 'Your session has ended. Sign in again to promote this draft.' };
    const { draftId } = draftIdSchema.parse(input);
    const promoted = await promoteDraft(actor, { draftId });
    revalidatePath(`/actions/${draftId}`);
    revalidatePath('/drafts');
    revalidatePath('/queue');
    return { ok: true, data: { id: draftId, promotedActionId: promoted.id } };
  } catch (error) {
    return toFormError(error);
  }
}

/** Discard a draft; it stays in the record with its fate. */
export async function discardDraftAction(input: { draftId: string }): Promise<DraftResult> {
  try {
    const actor = await getUserActor();
    if (!actor) return { ok: false, error: 'Your session has ended. Sign in again to discard this draft.' };
    const { draftId } = draftIdSchema.parse(input);
    await discardDraft(actor, { draftId });
    revalidatePath(`/actions/${draftId}`);
    revalidatePath('/drafts');
    return { ok: true, data: { id: draftId } };
  } catch (error) {
    return toFormError(error);
  }
}

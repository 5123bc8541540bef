'use server';

import { revalidatePath } from 'next/cache';
import { discardDraft } from '@/lib/drafts/discard-draft';
import { promoteDraft } from '@/lib/drafts/promote-draft';
import { draftIdSchema } from '@/lib/drafts/schemas';
import { defineMutation } from '../../define-mutation';

/** Send a draft to the review queue as a new pending action; the domain checks who may and what the gate says now. */
export const promoteDraftMutation = defineMutation({
  name: 'promoteDraftMutation',
  input: draftIdSchema,
  run: async (actor, { draftId }): Promise<{ id: string; promotedActionId?: string }> => {
    const promoted = await promoteDraft(actor, { draftId });
    revalidatePath(`/actions/${draftId}`);
    revalidatePath('/drafts');
    revalidatePath('/queue');
    return { id: draftId, promotedActionId: promoted.id };
  },
});

/** Discard a draft; it stays in the record with its fate. */
export const discardDraftMutation = defineMutation({
  name: 'discardDraftMutation',
  input: draftIdSchema,
  run: async (actor, { draftId }): Promise<{ id: string; promotedActionId?: string }> => {
    await discardDraft(actor, { draftId });
    revalidatePath(`/actions/${draftId}`);
    revalidatePath('/drafts');
    return { id: draftId };
  },
});

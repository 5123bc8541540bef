'use server';

import { revalidatePath } from 'next/cache';
import { getUserActor } from '@/lib/auth/get-user-actor';
import { recordManualRollback } from '@/lib/rollback/record-manual-rollback';
import { requestRollback } from '@/lib/rollback/request-rollback';
import { manualRollbackSchema, requestRollbackSchema } from '@/lib/rollback/schemas';
import { toFormError, type FormResult } from '../../errors';

/** Propose the tool's compensating action for this executed one; the domain checks the permission, the state and the mapping. */
export async function requestRollbackForm(_previous: FormResult, formData: FormData): Promise<FormResult> {
  try {
    const actor = await getUserActor();
    if (!actor) return { ok: false, error: 'Your session has ended. Sign in again to request a rollback.' };
    const input = requestRollbackSchema.parse({ actionId: formData.get('actionId'), note: formData.get('note') ?? undefined });
    const rollback = await requestRollback(actor, input);
    revalidatePath(`/actions/${input.actionId}`);
    revalidatePath('/queue');
    return { ok: true, message: `Rollback proposed: ${rollback.status === 'pending_review' ? 'waiting for review' : rollback.status}.` };
  } catch (error) {
    return toFormError(error);
  }
}

/** Record that this action was undone by hand, with what was done. */
export async function recordManualRollbackForm(_previous: FormResult, formData: FormData): Promise<FormResult> {
  try {
    const actor = await getUserActor();
    if (!actor) return { ok: false, error: 'Your session has ended. Sign in again.' };
    const input = manualRollbackSchema.parse({ actionId: formData.get('actionId'), note: formData.get('note') ?? '' });
    await recordManualRollback(actor, input);
    revalidatePath(`/actions/${input.actionId}`);
    return { ok: true, message: 'Recorded as rolled back manually.' };
  } catch (error) {
    return toFormError(error);
  }
}

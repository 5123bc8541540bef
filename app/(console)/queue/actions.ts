'use server';

import { revalidatePath } from 'next/cache';
import { reviewActionBatch, type BatchItemResult } from '@/lib/actions/review-action-batch';
import { batchDecisionSchema, type BatchDecisionInput } from '@/lib/review/schemas';
import { runAsUser, type ActionResult } from '../run-as-user';

/**
 * Approve or reject the actions listed in the confirmation (all of one trace, or the one selected row): each is
 * decided on its own, and each result comes back, so the dialog can say which were decided and which were not.
 */
export async function decideActions(input: BatchDecisionInput): Promise<ActionResult<BatchItemResult[]>> {
  const result = await runAsUser((actor) => reviewActionBatch(actor, batchDecisionSchema.parse(input)));
  revalidatePath('/queue');
  return result;
}

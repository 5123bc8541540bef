'use server';

import { revalidatePath } from 'next/cache';
import { reviewActionBatch } from '@/lib/actions/review-action-batch';
import { batchDecisionSchema } from '@/lib/review/schemas';
import { defineMutation } from '../define-mutation';

/**
 * Approve or reject the actions listed in the confirmation (all of one trace, or the one selected row): each is
 * reviewed on its own, and each result comes back, so the dialog can say which were decided and which were not.
 */
export const reviewActionsMutation = defineMutation({
  name: 'reviewActionsMutation',
  input: batchDecisionSchema,
  run: async (actor, input) => {
    try {
      return await reviewActionBatch(actor, input);
    } finally {
      revalidatePath('/queue');
    }
  },
});

'use server';

import { revalidatePath } from 'next/cache';
import { recordManualRollback } from '@/lib/rollback/record-manual-rollback';
import { requestRollback } from '@/lib/rollback/request-rollback';
import { manualRollbackSchema, requestRollbackSchema } from '@/lib/rollback/schemas';
import { defineFormMutation } from '../../define-mutation';

/** Propose the tool's compensating action for this executed one; the domain checks the permission, the state and the mapping. */
export const requestRollbackMutation = defineFormMutation({
  name: 'requestRollbackMutation',
  input: requestRollbackSchema,
  run: async (actor, input) => {
    const rollback = await requestRollback(actor, input);
    revalidatePath(`/actions/${input.actionId}`);
    revalidatePath('/queue');
    return `Rollback proposed: ${rollback.status === 'pending_review' ? 'waiting for review' : rollback.status}.`;
  },
});

/** Record that this action was undone by hand, with what was done. */
export const recordManualRollbackMutation = defineFormMutation({
  name: 'recordManualRollbackMutation',
  input: manualRollbackSchema,
  run: async (actor, input) => {
    await recordManualRollback(actor, input);
    revalidatePath(`/actions/${input.actionId}`);
    return 'Recorded as rolled back manually.';
  },
});

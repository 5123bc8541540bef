'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { editAndApproveAction } from '@/lib/actions/edit-and-approve-action';
import { editAndApproveSchema } from '@/lib/actions/schemas';
import { defineFormMutation } from '../../../define-mutation';

/** The edit form as posted: the version as text and the parameters as JSON text. */
const editFormSchema = editAndApproveSchema.extend({
  version: z.coerce.number({ error: 'version must be a number' }).int().min(1),
  params: z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'the parameters are not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(editAndApproveSchema.shape.params),
});

/** Approve an edited version of a pending action's parameters; on success, back to the action. */
export const editAndApproveMutation = defineFormMutation({
  name: 'editAndApproveMutation',
  input: editFormSchema,
  run: async (actor, input) => {
    await editAndApproveAction(actor, input);
    revalidatePath(`/actions/${input.actionId}`);
    revalidatePath('/queue');
    redirect(`/actions/${input.actionId}`);
  },
});

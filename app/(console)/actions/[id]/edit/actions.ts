'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z, ZodError } from 'zod';
import { editAndApproveAction } from '@/lib/actions/edit-and-approve-action';
import { editAndApproveSchema } from '@/lib/actions/schemas';
import { getUserActor } from '@/lib/auth/get-user-actor';
import { fieldIssues, isWardenError, type FieldIssue } from '@/lib/errors';
import { toFormError } from '../../../errors';

/** The edit form as posted: the version as text and the parameters as JSON text. Client-safe. */
const editFormSchema = editAndApproveSchema.extend({
  version: z.coerce.number({ error: 'version must be a number' }).int().min(1),
  params: z.string().transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'the parameters are not valid JSON' });
      return z.NEVER;
    }
  }).pipe(editAndApproveSchema.shape.params),
});

/** A message for the form, and the failing fields (paths relative to params) to show next to their controls. */
export type EditFormState = { ok: false; error: string; issues: FieldIssue[] } | null;

/** Approve an edited version of a pending action's parameters; on success, back to the action. */
export async function editAndApprove(_previous: EditFormState, formData: FormData): Promise<EditFormState> {
  let actionId: string;
  try {
    const actor = await getUserActor();
    if (!actor) return { ok: false, error: 'Your session has ended. Sign in again to decide.', issues: [] };
    const input = editFormSchema.parse({
      actionId: formData.get('actionId'),
      version: formData.get('version'),
      params: formData.get('params'),
      comment: formData.get('comment') ?? undefined,
    });
    await editAndApproveAction(actor, input);
    actionId = input.actionId;
  } catch (error) {
    return { ...toFormError(error), issues: issuesOf(error) };
  }
  revalidatePath(`/actions/${actionId}`);
  revalidatePath('/queue');
  redirect(`/actions/${actionId}`);
}

function issuesOf(error: unknown): FieldIssue[] {
  const issues = isWardenError(error) ? (error.details.issues as FieldIssue[] | undefined) ?? [] : error instanceof ZodError ? fieldIssues(error.issues) : [];
  return issues.filter((issue) => issue.path === 'params' || issue.path.startsWith('params.')).map((issue) => ({ ...issue, path: issue.path.replace(/^params\.?/, '') }));
}

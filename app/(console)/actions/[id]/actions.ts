'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { approveAction } from '@/lib/actions/approve-action';
import { escalateAction } from '@/lib/actions/escalate-action';
import { findNextPendingAction } from '@/lib/actions/find-next-pending-action';
import { recordActionOpened } from '@/lib/actions/record-action-opened';
import { rejectAction } from '@/lib/actions/reject-action';
import { decisionSchema, escalateActionSchema } from '@/lib/actions/schemas';
import { getUserActor } from '@/lib/auth/get-user-actor';
import { toFormError, type FormResult } from '../../errors';

const decideFormSchema = decisionSchema.extend({ decision: z.enum(['approve', 'reject']) });

/** Approve or reject one pending action; the domain decides whether this person may, and whether it is still pending. */
export async function decideAction(_previous: FormResult, formData: FormData): Promise<FormResult> {
  try {
    const actor = await getUserActor();
    if (!actor) return { ok: false, error: 'Your session has ended. Sign in again to decide.' };
    const { decision, ...input } = decideFormSchema.parse({
      actionId: formData.get('actionId'),
      comment: formData.get('comment') ?? undefined,
      decision: formData.get('decision'),
    });
    const outcome = await (decision === 'approve' ? approveAction : rejectAction)(actor, input);
    revalidatePath(`/actions/${input.actionId}`);
    revalidatePath('/queue');
    // With a multi-reviewer grant, one approval may not be enough: say so rather than appear to have done nothing.
    if (outcome.status === 'pending_review') {
      return { ok: true, message: `Your approval is recorded (${outcome.approvals} of ${outcome.required}). Another reviewer must approve too.` };
    }
    return { ok: true };
  } catch (error) {
    // A conflict ("already decided by … at …") stays on screen rather than being replaced by a refreshed page.
    return toFormError(error);
  }
}

/** Hand a pending action to another reviewer group with a note; the domain checks the permission and the state. */
export async function escalateActionForm(_previous: FormResult, formData: FormData): Promise<FormResult> {
  try {
    const actor = await getUserActor();
    if (!actor) return { ok: false, error: 'Your session has ended. Sign in again to escalate.' };
    const input = escalateActionSchema.parse({
      actionId: formData.get('actionId'),
      groupId: formData.get('groupId') ?? '',
      note: formData.get('note') ?? '',
    });
    const { groupName } = await escalateAction(actor, input);
    revalidatePath(`/actions/${input.actionId}`);
    revalidatePath('/queue');
    return { ok: true, message: `Escalated to ${groupName}.` };
  } catch (error) {
    return toFormError(error);
  }
}

const nextActionSchema = z.object({ actionId: z.string().min(1), createdAt: z.iso.datetime() });

/** After a decision: the next pending action for this reviewer (lib/actions/find-next-pending-action.ts), or none. */
export async function nextPendingAction(input: { actionId: string; createdAt: string }): Promise<{ ok: true; nextId: string | null } | { ok: false; error: string }> {
  try {
    const actor = await getUserActor();
    if (!actor) return { ok: false, error: 'Your session has ended. Sign in again.' };
    const { actionId, createdAt } = nextActionSchema.parse(input);
    const next = await findNextPendingAction(actor, { after: { id: actionId, createdAt: new Date(createdAt) } });
    return { ok: true, nextId: next?.id ?? null };
  } catch (error) {
    return toFormError(error);
  }
}

/** The card, on screen for a reviewer who may decide, records that they opened it (once; the domain decides). */
export async function recordOpened(input: { actionId: string }): Promise<FormResult> {
  try {
    const actor = await getUserActor();
    if (!actor) return { ok: false, error: 'Your session has ended. Sign in again.' };
    await recordActionOpened(actor, z.object({ actionId: z.string().min(1) }).parse(input));
    return { ok: true };
  } catch (error) {
    return toFormError(error);
  }
}

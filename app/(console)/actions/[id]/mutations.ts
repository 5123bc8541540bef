'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { approveAction } from '@/lib/actions/approve-action';
import { escalateAction } from '@/lib/actions/escalate-action';
import { findNextPendingAction } from '@/lib/actions/find-next-pending-action';
import { recordActionOpened } from '@/lib/actions/record-action-opened';
import { rejectAction } from '@/lib/actions/reject-action';
import { decisionSchema, escalateActionSchema } from '@/lib/actions/schemas';
import { defineFormMutation, defineMutation } from '../../define-mutation';

const reviewFormSchema = decisionSchema.extend({ decision: z.enum(['approve', 'reject']) });

/**
 * Approve or reject one pending action; the domain decides whether this person may, and whether it is still pending.
 * A conflict ("already decided by … at …") stays on screen rather than being replaced by a refreshed page.
 */
export const reviewActionMutation = defineFormMutation({
  name: 'reviewActionMutation',
  input: reviewFormSchema,
  run: async (actor, { decision, ...input }) => {
    const outcome = await (decision === 'approve' ? approveAction : rejectAction)(actor, input);
    revalidatePath(`/actions/${input.actionId}`);
    revalidatePath('/queue');
    // With a multi-reviewer grant, one approval may not be enough: say so rather than appear to have done nothing.
    if (outcome.status === 'pending_review') {
      return `Your approval is recorded (${outcome.approvals} of ${outcome.required}). Another reviewer must approve too.`;
    }
  },
});

/** Hand a pending action to another reviewer group with a note; the domain checks the permission and the state. */
export const escalateActionMutation = defineFormMutation({
  name: 'escalateActionMutation',
  input: escalateActionSchema,
  run: async (actor, input) => {
    const { groupName } = await escalateAction(actor, input);
    revalidatePath(`/actions/${input.actionId}`);
    revalidatePath('/queue');
    return `Escalated to ${groupName}.`;
  },
});

/** After a decision: the next pending action for this reviewer (lib/actions/find-next-pending-action.ts), or none. Reads only. */
export const findNextPendingActionMutation = defineMutation({
  name: 'findNextPendingActionMutation',
  input: z.object({ actionId: z.string().min(1), createdAt: z.iso.datetime() }),
  run: async (actor, { actionId, createdAt }) => {
    const next = await findNextPendingAction(actor, { after: { id: actionId, createdAt: new Date(createdAt) } });
    return { nextId: next?.id ?? null };
  },
});

/** The card, on screen for a reviewer who may decide, records that they opened it (once; the domain decides). */
export const recordActionOpenedMutation = defineMutation({
  name: 'recordActionOpenedMutation',
  input: z.object({ actionId: z.string().min(1) }),
  run: async (actor, input) => {
    await recordActionOpened(actor, input);
  },
});

'use server';

import { revalidatePath } from 'next/cache';
import { addGroupMember } from '@/lib/review-groups/add-group-member';
import { createReviewerGroup } from '@/lib/review-groups/create-reviewer-group';
import { deleteReviewerGroup } from '@/lib/review-groups/delete-reviewer-group';
import { removeGroupMember } from '@/lib/review-groups/remove-group-member';
import { createReviewerGroupSchema, deleteReviewerGroupSchema, groupMemberSchema, updateReviewerGroupSchema } from '@/lib/review-groups/schemas';
import { updateReviewerGroup } from '@/lib/review-groups/update-reviewer-group';
import type { z } from 'zod';
import { runAsUser } from '../run-as-user';

/** Admins only (the domain checks). Each action changes one thing and refreshes the page. */
export async function createReviewerGroupAction(input: z.input<typeof createReviewerGroupSchema>) {
  return runAsUser(async (actor) => {
    const group = await createReviewerGroup(actor, createReviewerGroupSchema.parse(input));
    revalidatePath('/reviewers');
    return group;
  });
}

export async function updateReviewerGroupAction(input: z.input<typeof updateReviewerGroupSchema>) {
  return runAsUser(async (actor) => {
    const group = await updateReviewerGroup(actor, updateReviewerGroupSchema.parse(input));
    revalidatePath('/reviewers');
    return group;
  });
}

export async function addGroupMemberAction(input: z.input<typeof groupMemberSchema>) {
  return runAsUser(async (actor) => {
    const member = await addGroupMember(actor, groupMemberSchema.parse(input));
    revalidatePath('/reviewers');
    return member;
  });
}

export async function removeGroupMemberAction(input: z.input<typeof groupMemberSchema>) {
  return runAsUser(async (actor) => {
    const removed = await removeGroupMember(actor, groupMemberSchema.parse(input));
    revalidatePath('/reviewers');
    return removed;
  });
}

export async function deleteReviewerGroupAction(input: z.input<typeof deleteReviewerGroupSchema>) {
  return runAsUser(async (actor) => {
    const deleted = await deleteReviewerGroup(actor, deleteReviewerGroupSchema.parse(input));
    revalidatePath('/reviewers');
    return deleted;
  });
}

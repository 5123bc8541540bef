'use server';

import { revalidatePath } from 'next/cache';
import { addGroupMember } from '@/lib/review-groups/add-group-member';
import { createReviewerGroup } from '@/lib/review-groups/create-reviewer-group';
import { deleteReviewerGroup } from '@/lib/review-groups/delete-reviewer-group';
import { removeGroupMember } from '@/lib/review-groups/remove-group-member';
import {
  createReviewerGroupSchema,
  deleteReviewerGroupSchema,
  groupMemberSchema,
  updateReviewerGroupSchema,
} from '@/lib/review-groups/schemas';
import { updateReviewerGroup } from '@/lib/review-groups/update-reviewer-group';
import { defineMutation } from '../define-mutation';

/** Admins only (the domain checks). Each action changes one thing and refreshes the page. */
export const createReviewerGroupMutation = defineMutation({
  name: 'createReviewerGroupMutation',
  input: createReviewerGroupSchema,
  run: async (actor, input) => {
    const group = await createReviewerGroup(actor, input);
    revalidatePath('/reviewers');
    return group;
  },
});

export const updateReviewerGroupMutation = defineMutation({
  name: 'updateReviewerGroupMutation',
  input: updateReviewerGroupSchema,
  run: async (actor, input) => {
    const group = await updateReviewerGroup(actor, input);
    revalidatePath('/reviewers');
    return group;
  },
});

export const addGroupMemberMutation = defineMutation({
  name: 'addGroupMemberMutation',
  input: groupMemberSchema,
  run: async (actor, input) => {
    const member = await addGroupMember(actor, input);
    revalidatePath('/reviewers');
    return member;
  },
});

export const removeGroupMemberMutation = defineMutation({
  name: 'removeGroupMemberMutation',
  input: groupMemberSchema,
  run: async (actor, input) => {
    const removed = await removeGroupMember(actor, input);
    revalidatePath('/reviewers');
    return removed;
  },
});

export const deleteReviewerGroupMutation = defineMutation({
  name: 'deleteReviewerGroupMutation',
  input: deleteReviewerGroupSchema,
  run: async (actor, input) => {
    const deleted = await deleteReviewerGroup(actor, input);
    revalidatePath('/reviewers');
    return deleted;
  },
});

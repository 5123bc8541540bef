import { z } from 'zod';

/** Reviewer groups as admins write them. Client-safe: imports only zod. */
const groupName = z.string().trim().min(1, 'name the group').max(60, 'name: at most 60 characters');
const description = z.string().trim().max(300, 'description: at most 300 characters');

export const createReviewerGroupSchema = z.object({ name: groupName, description: description.default('') }).strict();
export type CreateReviewerGroupInput = z.input<typeof createReviewerGroupSchema>;

export const updateReviewerGroupSchema = z
  .object({
    groupId: z.string().min(1, 'which group'),
    name: groupName.optional(),
    description: description.optional(),
  })
  .strict()
  .refine((input) => input.name !== undefined || input.description !== undefined, {
    message: 'change the name, the description or both',
    path: ['name'],
  });
export type UpdateReviewerGroupInput = z.input<typeof updateReviewerGroupSchema>;

/** A member is named by user id or e-mail address (exactly one). */
export const groupMemberSchema = z
  .object({
    groupId: z.string().min(1, 'which group'),
    userId: z.string().trim().min(1).optional(),
    email: z
      .email('email must be a valid address')
      .transform((email) => email.toLowerCase())
      .optional(),
  })
  .strict()
  .refine((input) => (input.userId === undefined) !== (input.email === undefined), {
    message: 'name the user by id or by e-mail, not both',
    path: ['userId'],
  });
export type GroupMemberInput = z.input<typeof groupMemberSchema>;

export const deleteReviewerGroupSchema = z.object({ groupId: z.string().min(1, 'which group') }).strict();
export type DeleteReviewerGroupInput = z.input<typeof deleteReviewerGroupSchema>;

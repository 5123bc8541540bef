import { z } from 'zod';
import { ROLES } from '../auth/permissions';

export const createUserSchema = z.object({
  email: z.email('email must be a valid address').transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1, 'name is required').max(100),
  roles: z.array(z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` })).min(1, 'give at least one role'),
  password: z.string().min(12, 'password must have at least 12 characters').max(200).optional(),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const signInSchema = z.object({
  email: z.email().transform((email) => email.toLowerCase()),
  password: z.string().min(1).max(200),
});

export const setUserRolesSchema = z.object({
  roles: z.array(z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` })).min(1, 'give at least one role'),
});

export const newPasswordSchema = z.string().min(12, 'the new password must have at least 12 characters').max(200);

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'enter your current password').max(200),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ['confirmPassword'],
    message: 'the two new passwords differ',
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ['newPassword'],
    message: 'choose a password other than the current one',
  });
export type ChangeOwnPasswordInput = z.input<typeof changeOwnPasswordSchema>;

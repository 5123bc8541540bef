'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createUser } from '@/lib/users/create-user';
import { resetUserPassword } from '@/lib/users/reset-user-password';
import { createUserSchema, setUserRolesSchema } from '@/lib/users/schemas';
import { setUserDisabled } from '@/lib/users/set-user-disabled';
import { setUserRoles } from '@/lib/users/set-user-roles';
import { signOutUserEverywhere } from '@/lib/users/sign-out-user-everywhere';
import { defineMutation } from '../define-mutation';

const userId = z.object({ userId: z.string().min(1, 'userId is required').max(100) });
// The console invites with a one-time password only; a chosen password is for the CLI.
const inviteSchema = createUserSchema.omit({ password: true });

/** Admins only (each domain function checks). One change each, then the page is read again. */
export const inviteUserMutation = defineMutation({
  name: 'inviteUserMutation',
  input: inviteSchema,
  run: async (actor, input) => {
    const { user, password, passwordExpiresAt } = await createUser(actor, input);
    revalidatePath('/users');
    return { email: user.email, password: password!, expiresAt: passwordExpiresAt!.toISOString() };
  },
});

export const setUserRolesMutation = defineMutation({
  name: 'setUserRolesMutation',
  input: userId.extend(setUserRolesSchema.shape),
  run: async (actor, { userId: id, ...roles }) => {
    const changed = await setUserRoles(actor, { id }, roles);
    revalidatePath('/users');
    return changed;
  },
});

export const setUserDisabledMutation = defineMutation({
  name: 'setUserDisabledMutation',
  input: userId.extend({ disabled: z.boolean() }),
  run: async (actor, { userId: id, disabled }) => {
    const changed = await setUserDisabled(actor, { id }, disabled);
    revalidatePath('/users');
    return changed;
  },
});

export const resetUserPasswordMutation = defineMutation({
  name: 'resetUserPasswordMutation',
  input: userId,
  run: async (actor, input) => {
    const { email, password, expiresAt } = await resetUserPassword(actor, { id: input.userId });
    revalidatePath('/users');
    return { email, password, expiresAt: expiresAt.toISOString() };
  },
});

export const signOutEverywhereMutation = defineMutation({
  name: 'signOutEverywhereMutation',
  input: userId,
  run: async (actor, input) => {
    const signedOut = await signOutUserEverywhere(actor, { id: input.userId });
    revalidatePath('/users');
    return signedOut;
  },
});

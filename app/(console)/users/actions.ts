'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createUser } from '@/lib/users/create-user';
import { resetUserPassword } from '@/lib/users/reset-user-password';
import { createUserSchema, setUserRolesSchema } from '@/lib/users/schemas';
import { setUserDisabled } from '@/lib/users/set-user-disabled';
import { setUserRoles } from '@/lib/users/set-user-roles';
import { signOutUserEverywhere } from '@/lib/users/sign-out-user-everywhere';
import { runAsUser } from '../run-as-user';

const userId = z.object({ userId: z.string().min(1, 'userId is required').max(100) });
// The console invites with a one-time password only; a chosen password is for the CLI.
const inviteSchema = createUserSchema.omit({ password: true });

/** Admins only (each domain function checks). One change each, then the page is read again. */
export async function inviteUserAction(input: z.input<typeof inviteSchema>) {
  return runAsUser(async (actor) => {
    const { user, password, passwordExpiresAt } = await createUser(actor, inviteSchema.parse(input));
    revalidatePath('/users');
    return { email: user.email, password: password!, expiresAt: passwordExpiresAt!.toISOString() };
  });
}

export async function setUserRolesAction(input: z.input<typeof userId> & z.input<typeof setUserRolesSchema>) {
  return runAsUser(async (actor) => {
    const { userId: id } = userId.parse(input);
    const changed = await setUserRoles(actor, { id }, setUserRolesSchema.parse(input));
    revalidatePath('/users');
    return changed;
  });
}

export async function setUserDisabledAction(input: z.input<typeof userId> & { disabled: boolean }) {
  return runAsUser(async (actor) => {
    const { userId: id, disabled } = userId.extend({ disabled: z.boolean() }).parse(input);
    const changed = await setUserDisabled(actor, { id }, disabled);
    revalidatePath('/users');
    return changed;
  });
}

export async function resetUserPasswordAction(input: z.input<typeof userId>) {
  return runAsUser(async (actor) => {
    const { email, password, expiresAt } = await resetUserPassword(actor, { id: userId.parse(input).userId });
    revalidatePath('/users');
    return { email, password, expiresAt: expiresAt.toISOString() };
  });
}

export async function signOutEverywhereAction(input: z.input<typeof userId>) {
  return runAsUser(async (actor) => {
    const signedOut = await signOutUserEverywhere(actor, { id: userId.parse(input).userId });
    revalidatePath('/users');
    return signedOut;
  });
}

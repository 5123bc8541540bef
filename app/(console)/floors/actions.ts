'use server';

import { revalidatePath } from 'next/cache';
import { setApprovalFloor } from '@/lib/floors/set-approval-floor';
import type { SetApprovalFloorInput } from '@/lib/floors/schemas';
import { runAsUser } from '../run-as-user';

/** Sets or clears one floor (the domain function parses the input and asserts the admin). */
export async function setApprovalFloorAction(input: SetApprovalFloorInput) {
  return runAsUser(async (actor) => {
    const saved = await setApprovalFloor(actor, input);
    revalidatePath('/floors');
    return saved;
  });
}

'use server';

import { revalidatePath } from 'next/cache';
import { setApprovalFloor } from '@/lib/floors/set-approval-floor';
import { setApprovalFloorSchema } from '@/lib/floors/schemas';
import { defineMutation } from '../define-mutation';

/** Sets or clears one floor (admins; the domain asserts it). */
export const setApprovalFloorMutation = defineMutation({
  name: 'setApprovalFloorMutation',
  input: setApprovalFloorSchema,
  run: async (actor, input) => {
    const saved = await setApprovalFloor(actor, input);
    revalidatePath('/floors');
    return saved;
  },
});

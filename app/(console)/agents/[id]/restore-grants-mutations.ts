'use server';

import { revalidatePath } from 'next/cache';
import { previewGrantRestore } from '@/lib/rollback/preview-grant-restore';
import { restoreGrants } from '@/lib/rollback/restore-grants';
import { grantRestoreSchema } from '@/lib/rollback/schemas';
import { defineMutation } from '../../define-mutation';

/** What restoring the agent's grants as of a time would change (admins; the domain checks). Changes nothing. */
export const previewGrantRestoreMutation = defineMutation({
  name: 'previewGrantRestoreMutation',
  input: grantRestoreSchema,
  run: async (actor, input) => {
    const plan = await previewGrantRestore(actor, input);
    return { changes: plan.changes.map(({ tool, now, then }) => ({ tool, now, then })), skipped: plan.skipped };
  },
});

/** Applies it: each changed grant gets a new version with its rules of that time. */
export const restoreGrantsMutation = defineMutation({
  name: 'restoreGrantsMutation',
  input: grantRestoreSchema,
  run: async (actor, input) => {
    const restored = await restoreGrants(actor, input);
    revalidatePath(`/agents/${input.agentId}`, 'layout');
    return restored;
  },
});

'use server';

import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { previewGrantRestore } from '@/lib/rollback/preview-grant-restore';
import { restoreGrants } from '@/lib/rollback/restore-grants';
import { grantRestoreSchema } from '@/lib/rollback/schemas';
import { runAsUser } from '../../run-as-user';

/** What restoring the agent's grants as of a time would change (admins; the domain checks). */
export async function previewGrantRestoreAction(input: z.input<typeof grantRestoreSchema>) {
  return runAsUser(async (actor) => {
    const plan = await previewGrantRestore(actor, grantRestoreSchema.parse(input));
    return { changes: plan.changes.map(({ tool, now, then }) => ({ tool, now, then })), skipped: plan.skipped };
  });
}

/** Applies it: each changed grant gets a new version with its rules of that time. */
export async function restoreGrantsAction(input: z.input<typeof grantRestoreSchema>) {
  return runAsUser(async (actor) => {
    const parsed = grantRestoreSchema.parse(input);
    const restored = await restoreGrants(actor, parsed);
    revalidatePath(`/agents/${parsed.agentId}`, 'layout');
    return restored;
  });
}

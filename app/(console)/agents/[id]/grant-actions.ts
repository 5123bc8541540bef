'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { grantTool } from '@/lib/grants/grant-tool';
import { runAsUser } from '../../run-as-user';

const addGrantSchema = z.object({ agentId: z.string().min(1), tool: z.string().trim().min(1, 'choose a tool') });

/** "Add grant": one approval required to start with (or the admin floor, if higher); the owner then sets the rules on the grant's page. */
export async function addGrantAction(input: z.input<typeof addGrantSchema>) {
  return runAsUser(async (actor) => {
    const { agentId, tool } = addGrantSchema.parse(input);
    const grant = await grantTool(actor, { agent: { id: agentId }, tool });
    revalidatePath(`/agents/${agentId}`);
    return { grantId: grant.id };
  });
}

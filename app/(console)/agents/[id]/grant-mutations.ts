'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { grantTool } from '@/lib/grants/grant-tool';
import { defineMutation } from '../../define-mutation';

const addGrantSchema = z.object({ agentId: z.string().min(1), tool: z.string().trim().min(1, 'choose a tool') });

/** "Add grant": one approval required to start with (or the admin floor, if higher); the owner then sets the rules on the grant's page. */
export const addGrantMutation = defineMutation({
  name: 'addGrantMutation',
  input: addGrantSchema,
  run: async (actor, { agentId, tool }) => {
    const grant = await grantTool(actor, { agent: { id: agentId }, tool });
    revalidatePath(`/agents/${agentId}`);
    return { grantId: grant.id };
  },
});

'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createAgent } from '@/lib/agents/create-agent';
import { createAgentSchema } from '@/lib/agents/schemas';
import { engageGlobalStop } from '@/lib/kill-switches/engage-switch';
import { defineMutation } from '../define-mutation';

/** Admins only (the domain checks): a new agent with its owner; keys and grants come next, on its page. */
export const createAgentMutation = defineMutation({
  name: 'createAgentMutation',
  input: createAgentSchema,
  run: async (actor, input) => {
    const agent = await createAgent(actor, input);
    revalidatePath('/agents');
    return { agentId: agent.id };
  },
});

/** Stop all agents, with a reason. Only admins may; the domain checks (the button's visibility is a convenience). The data is the note to show. */
export const stopAllAgentsMutation = defineMutation({
  name: 'stopAllAgentsMutation',
  input: z.object({ reason: z.string().max(500) }),
  run: async (actor, { reason }) => {
    const { changed } = await engageGlobalStop(actor, reason);
    // The banner is in the layout of every console page.
    revalidatePath('/', 'layout');
    return changed ? 'All agents are stopped.' : 'The global stop was already engaged.';
  },
});

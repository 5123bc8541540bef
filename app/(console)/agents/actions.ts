'use server';

import { revalidatePath } from 'next/cache';
import { createAgent } from '@/lib/agents/create-agent';
import { createAgentSchema } from '@/lib/agents/schemas';
import { getUserActor } from '@/lib/auth/get-user-actor';
import { z } from 'zod';
import { engageGlobalStop } from '@/lib/kill-switches/engage-switch';
import { toFormError, type FormResult } from '../errors';
import { runAsUser } from '../run-as-user';

const stopSchema = z.object({ reason: z.string().max(500) });

/** Admins only (the domain checks): a new agent with its owner; keys and grants come next, on its page. */
export async function createAgentAction(input: unknown) {
  return runAsUser(async (actor) => {
    const agent = await createAgent(actor, createAgentSchema.parse(input));
    revalidatePath('/agents');
    return { agentId: agent.id };
  });
}

/** Stop all agents, with a reason. Only admins may; the domain checks (the button's visibility is a convenience). */
export async function stopAllAgents(input: unknown): Promise<FormResult> {
  try {
    const actor = await getUserActor();
    if (!actor) return { ok: false, error: 'Your session has ended. Sign in again.' };
    const { reason } = stopSchema.parse(input);
    const { changed } = await engageGlobalStop(actor, reason);
    // The banner is in the layout of every console page.
    revalidatePath('/', 'layout');
    return { ok: true, message: changed ? 'All agents are stopped.' : 'The global stop was already engaged.' };
  } catch (error) {
    return toFormError(error);
  }
}

'use server';

import { revalidatePath } from 'next/cache';
import { createAgent } from '@/lib/agents/create-agent';
import { createAgentSchema } from '@/lib/agents/schemas';
import { getUserActor } from '@/lib/auth/get-user-actor';
import { engageGlobalStop, releaseGlobalStop } from '@/lib/kill-switches/set-global-stop';
import { toFormError, type FormResult } from '../errors';
import { runAsUser } from '../run-as-user';

/** Admins only (the domain checks): a new agent with its owner; keys and grants come next, on its page. */
export async function createAgentAction(input: unknown) {
  return runAsUser(async (actor) => {
    const agent = await createAgent(actor, createAgentSchema.parse(input));
    revalidatePath('/agents');
    return { agentId: agent.id };
  });
}

/** Stop all agents. Only admins may; the domain checks (the button's visibility is a convenience). */
export async function stopAllAgents(): Promise<FormResult> {
  return setStop(engageGlobalStop, 'All agents are stopped.', 'The global stop was already engaged.');
}

export async function releaseAllAgents(): Promise<FormResult> {
  return setStop(releaseGlobalStop, 'The global stop is released.', 'The global stop was already released.');
}

async function setStop(change: typeof engageGlobalStop, done: string, unchanged: string): Promise<FormResult> {
  try {
    const actor = await getUserActor();
    if (!actor) return { ok: false, error: 'Your session has ended. Sign in again.' };
    const { changed } = await change(actor);
    // The banner is in the layout of every console page.
    revalidatePath('/', 'layout');
    return { ok: true, message: changed ? done : unchanged };
  } catch (error) {
    return toFormError(error);
  }
}

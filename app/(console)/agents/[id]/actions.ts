'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getUserActor } from '@/lib/auth/get-user-actor';
import { setAgentMode } from '@/lib/agents/set-agent-mode';
import { pauseAgent, resumeAgent } from '@/lib/agents/set-agent-status';
import { toFormError, type FormResult } from '../../errors';

const statusChangeSchema = z.object({ agentId: z.string().min(1), to: z.enum(['paused', 'active']) });
const modeChangeSchema = z.object({ agentId: z.string().min(1), to: z.enum(['live', 'draft_only']) });

/** Pause or resume one agent. Owners may change only their own agents, admins any: the domain enforces it. */
export async function setAgentStatusAction(input: z.input<typeof statusChangeSchema>): Promise<FormResult> {
  return run(async (actor) => {
    const { agentId, to } = statusChangeSchema.parse(input);
    const { changed } = await (to === 'paused' ? pauseAgent : resumeAgent)(actor, { id: agentId });
    return { agentId, message: changed ? (to === 'paused' ? 'Agent paused.' : 'Agent resumed.') : 'Nothing changed: the agent was already in that state.' };
  });
}

export async function setAgentModeAction(input: z.input<typeof modeChangeSchema>): Promise<FormResult> {
  return run(async (actor) => {
    const { agentId, to } = modeChangeSchema.parse(input);
    const { changed } = await setAgentMode(actor, { id: agentId }, to);
    return { agentId, message: changed ? (to === 'draft_only' ? 'Draft-only mode on.' : 'Draft-only mode off.') : 'Nothing changed.' };
  });
}

async function run(change: (actor: NonNullable<Awaited<ReturnType<typeof getUserActor>>>) => Promise<{ agentId: string; message: string }>): Promise<FormResult> {
  try {
    const actor = await getUserActor();
    if (!actor) return { ok: false, error: 'Your session has ended. Sign in again.' };
    const { agentId, message } = await change(actor);
    revalidatePath(`/agents/${agentId}`);
    revalidatePath('/agents');
    return { ok: true, message };
  } catch (error) {
    return toFormError(error);
  }
}

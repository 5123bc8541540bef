'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getUserActor } from '@/lib/auth/get-user-actor';
import { archiveAgent } from '@/lib/agents/archive-agent';
import { updateAgentSchema } from '@/lib/agents/schemas';
import { setAgentMode } from '@/lib/agents/set-agent-mode';
import { pauseAgent, resumeAgent } from '@/lib/agents/set-agent-status';
import { updateAgent } from '@/lib/agents/update-agent';
import { toFormError, type FormResult } from '../../errors';
import { runAsUser } from '../../run-as-user';

const statusChangeSchema = z.object({ agentId: z.string().min(1), to: z.enum(['paused', 'active']), reason: z.string().trim().max(500).optional() });
const modeChangeSchema = z.object({ agentId: z.string().min(1), to: z.enum(['live', 'draft_only']) });
const updateSchema = z.object({ agentId: z.string().min(1), expectedVersion: z.number().int().positive(), fields: updateAgentSchema.omit({ expectedVersion: true }) });
const archiveSchema = z.object({ agentId: z.string().min(1), expectedVersion: z.number().int().positive() });

/** Owners edit their agent's purpose, monitoring note and shutoff contact; admins also transfer it (the domain decides). */
export async function updateAgentAction(input: z.input<typeof updateSchema>) {
  return runAsUser(async (actor) => {
    const { agentId, expectedVersion, fields } = updateSchema.parse(input);
    const update = await updateAgent(actor, { id: agentId }, { ...fields, expectedVersion });
    revalidatePath(`/agents/${agentId}`);
    revalidatePath('/agents');
    return { version: update.version, changed: update.changed };
  });
}

/** Admins only: keys revoked, waiting actions closed, the agent read-only for good. */
export async function archiveAgentAction(input: z.input<typeof archiveSchema>) {
  return runAsUser(async (actor) => {
    const { agentId, expectedVersion } = archiveSchema.parse(input);
    const archived = await archiveAgent(actor, { id: agentId }, { expectedVersion });
    revalidatePath(`/agents/${agentId}`);
    revalidatePath('/agents');
    revalidatePath('/queue');
    return archived;
  });
}

/** Pause or resume one agent. Owners may change only their own agents, admins any: the domain enforces it. */
export async function setAgentStatusAction(input: z.input<typeof statusChangeSchema>): Promise<FormResult> {
  return run(async (actor) => {
    const { agentId, to, reason } = statusChangeSchema.parse(input);
    const { changed } = to === 'paused' ? await pauseAgent(actor, { id: agentId }, reason || undefined) : await resumeAgent(actor, { id: agentId });
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

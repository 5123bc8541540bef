'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { archiveAgent } from '@/lib/agents/archive-agent';
import { updateAgentSchema } from '@/lib/agents/schemas';
import { setAgentMode } from '@/lib/agents/set-agent-mode';
import { pauseAgent, resumeAgent } from '@/lib/agents/set-agent-status';
import { updateAgent } from '@/lib/agents/update-agent';
import { defineMutation } from '../../define-mutation';

const statusChangeSchema = z.object({
  agentId: z.string().min(1),
  to: z.enum(['paused', 'active']),
  reason: z.string().trim().max(500).optional(),
});
const modeChangeSchema = z.object({ agentId: z.string().min(1), to: z.enum(['live', 'draft_only']) });
const updateSchema = z.object({
  agentId: z.string().min(1),
  expectedVersion: z.number().int().positive(),
  fields: updateAgentSchema.omit({ expectedVersion: true }),
});
const archiveSchema = z.object({ agentId: z.string().min(1), expectedVersion: z.number().int().positive() });

function refresh(agentId: string) {
  revalidatePath(`/agents/${agentId}`);
  revalidatePath('/agents');
}

/** Owners edit their agent's purpose, monitoring note and shutoff contact; admins also transfer it (the domain decides). */
export const updateAgentMutation = defineMutation({
  name: 'updateAgentMutation',
  input: updateSchema,
  run: async (actor, { agentId, expectedVersion, fields }) => {
    const update = await updateAgent(actor, { id: agentId }, { ...fields, expectedVersion });
    refresh(agentId);
    return { version: update.version, changed: update.changed };
  },
});

/** Admins only: keys revoked, waiting actions closed, the agent read-only for good. */
export const archiveAgentMutation = defineMutation({
  name: 'archiveAgentMutation',
  input: archiveSchema,
  run: async (actor, { agentId, expectedVersion }) => {
    const archived = await archiveAgent(actor, { id: agentId }, { expectedVersion });
    refresh(agentId);
    revalidatePath('/queue');
    return archived;
  },
});

/** Pause or resume one agent. Owners may change only their own agents, admins any: the domain enforces it. The data is the note to show. */
export const setAgentStatusMutation = defineMutation({
  name: 'setAgentStatusMutation',
  input: statusChangeSchema,
  run: async (actor, { agentId, to, reason }) => {
    const { changed } =
      to === 'paused'
        ? await pauseAgent(actor, { id: agentId }, reason || undefined)
        : await resumeAgent(actor, { id: agentId });
    refresh(agentId);
    return changed
      ? to === 'paused'
        ? 'Agent paused.'
        : 'Agent resumed.'
      : 'Nothing changed: the agent was already in that state.';
  },
});

export const setAgentModeMutation = defineMutation({
  name: 'setAgentModeMutation',
  input: modeChangeSchema,
  run: async (actor, { agentId, to }) => {
    const { changed } = await setAgentMode(actor, { id: agentId }, to);
    refresh(agentId);
    return changed ? (to === 'draft_only' ? 'Draft-only mode on.' : 'Draft-only mode off.') : 'Nothing changed.';
  },
});

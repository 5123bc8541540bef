'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { refreshMcpServer } from '@/lib/mcp/refresh-mcp-server';
import { registerMcpServer } from '@/lib/mcp/register-mcp-server';
import { reviewMcpToolChange } from '@/lib/mcp/review-mcp-tool-change';
import { registerMcpServerSchema, reviewMcpToolChangeSchema } from '@/lib/mcp/schemas';
import { defineFormMutation, defineMutation } from '../define-mutation';

/** Admins (mcp.manage; the domain checks). The credential goes straight to the domain, sealed there, never echoed. */
export const registerMcpServerMutation = defineFormMutation({
  name: 'registerMcpServerMutation',
  input: registerMcpServerSchema.extend({
    credentials: z.preprocess((v) => (v === '' ? undefined : v), registerMcpServerSchema.shape.credentials),
  }),
  run: async (actor, input) => {
    const server = await registerMcpServer(actor, input);
    revalidatePath('/mcp-servers');
    return server.status === 'ok'
      ? `Registered ${server.name}: review its tools below.`
      : `Registered ${server.name}, but it could not be reached: ${server.lastError ?? 'unknown error'}`;
  },
});

export const refreshMcpServerMutation = defineMutation({
  name: 'refreshMcpServerMutation',
  input: z.object({ serverId: z.string().min(1) }),
  run: async (actor, { serverId }) => {
    const { server, changes } = await refreshMcpServer(actor, serverId);
    revalidatePath('/mcp-servers');
    return { status: server.status, lastError: server.lastError, found: changes.length };
  },
});

export const reviewMcpToolChangeMutation = defineMutation({
  name: 'reviewMcpToolChangeMutation',
  input: reviewMcpToolChangeSchema,
  run: async (actor, input) => {
    const { toolName } = await reviewMcpToolChange(actor, input);
    revalidatePath('/mcp-servers');
    revalidatePath('/tools', 'layout');
    return { toolName };
  },
});

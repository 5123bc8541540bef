import { z } from 'zod';

export const agentNameSchema = z
  .string()
  .trim()
  .min(2, 'name must have at least 2 characters')
  .max(60)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'name: lowercase letters, digits and dashes');

export const createAgentSchema = z.object({
  name: agentNameSchema,
  purpose: z.string().trim().min(1, 'describe the purpose').max(500),
  ownerId: z.string().min(1, 'choose an owner'),
  environment: z.enum(['test', 'production']).default('production'),
  mode: z.enum(['live', 'draft_only']).default('live'),
});
export type CreateAgentInput = z.input<typeof createAgentSchema>;

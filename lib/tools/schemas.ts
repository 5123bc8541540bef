import { z } from 'zod';
import { ACTION_LEVELS } from '../policy/action-levels';

export const createToolSchema = z.object({
  name: z.string().trim().regex(/^[a-z][a-z0-9_.]*$/, 'name: lowercase letters, digits, dots and underscores').max(80),
  description: z.string().trim().min(1, 'describe what the tool does').max(500),
  actionLevel: z.enum(ACTION_LEVELS),
  parameters: z.record(z.string(), z.unknown(), { error: 'parameters must be a JSON Schema object' }),
});
export type CreateToolInput = z.input<typeof createToolSchema>;

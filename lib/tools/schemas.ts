import { z } from 'zod';
import { ACTION_LEVELS } from '../policy/action-levels';

/** Tool definitions as admins write them. Client-safe: imports only zod. */
const paramPath = z.string().trim().regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, 'a parameter name, dotted for nested ones');

export const toolFieldsSchema = z.object({
  description: z.string().trim().min(1, 'describe what the tool does').max(500),
  actionLevel: z.enum(ACTION_LEVELS, { error: `action level must be one of ${ACTION_LEVELS.join(', ')}` }),
  parameters: z.record(z.string(), z.unknown(), { error: 'parameters must be a JSON Schema object' }),
  sensitiveFields: z.array(paramPath).max(50).default([]),
  summaryTemplate: z
    .string()
    .trim()
    .max(300)
    .refine((t) => !/\{(?![A-Za-z_$][\w$.]*\})/.test(t), 'placeholders look like {orderId}')
    .default(''),
  supportsRollback: z.boolean().default(false),
});

export const createToolSchema = toolFieldsSchema.extend({
  name: z.string().trim().regex(/^[a-z][a-z0-9_.]*$/, 'name: lowercase letters, digits, dots and underscores').max(80),
});
export type CreateToolInput = z.input<typeof createToolSchema>;
export type ToolFieldsInput = z.input<typeof toolFieldsSchema>;

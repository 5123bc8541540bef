import { z } from 'zod';
import { ACTION_LEVELS } from '../policy/action-levels';
import { mappingSyntaxIssues } from '../policy/rollback-mapping';

/** Tool definitions as admins write them. Client-safe: imports only zod. */
const paramPath = z
  .string()
  .trim()
  .regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, 'a parameter name, dotted for nested ones');

export const ROLLBACK_KINDS = ['none', 'manual', 'compensating'] as const;
export type RollbackKind = (typeof ROLLBACK_KINDS)[number];

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
  ...rollbackFields(),
});

/** How the tool's effects are undone (lib/rollback). Whether the compensating tool fits is checked against the database on save. */
function rollbackFields() {
  return {
    rollbackKind: z
      .enum(ROLLBACK_KINDS, { error: `rollback must be one of ${ROLLBACK_KINDS.join(', ')}` })
      .default('none'),
    rollbackInstructions: z.string().trim().max(2000).default(''),
    rollbackToolName: z.string().trim().max(80).nullable().default(null),
    rollbackMapping: z
      .record(z.string().regex(/^[A-Za-z_$][\w$]*$/, 'a parameter name'), z.string().trim().max(300), {
        error: 'the mapping is an object of parameter → path',
      })
      .superRefine((mapping, ctx) => {
        for (const issue of mappingSyntaxIssues(mapping))
          ctx.addIssue({ code: 'custom', path: [issue.param], message: issue.message });
      })
      .default({}),
  };
}

/** What each kind of rollback needs, named by field. */
function refineRollback(
  fields: { rollbackKind: RollbackKind; rollbackInstructions: string; rollbackToolName: string | null },
  ctx: z.RefinementCtx,
) {
  if (fields.rollbackKind === 'manual' && !fields.rollbackInstructions) {
    ctx.addIssue({
      code: 'custom',
      path: ['rollbackInstructions'],
      message: 'a manual rollback needs instructions for the responder',
    });
  }
  if (fields.rollbackKind === 'compensating' && !fields.rollbackToolName) {
    ctx.addIssue({ code: 'custom', path: ['rollbackToolName'], message: 'name the compensating tool' });
  }
}

export const createToolSchema = toolFieldsSchema
  .extend({
    name: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_.]*$/, 'name: lowercase letters, digits, dots and underscores')
      .max(80),
  })
  .superRefine(refineRollback);
export const updateToolFieldsSchema = toolFieldsSchema.superRefine(refineRollback);
export type CreateToolInput = z.input<typeof createToolSchema>;
export type ToolFieldsInput = z.input<typeof toolFieldsSchema>;

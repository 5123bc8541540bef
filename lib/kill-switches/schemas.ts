import { z } from 'zod';
import { SWITCH_EFFECTS, SWITCH_SCOPES } from '../policy/switch-effects';

const reason = z.string().trim().min(1, 'a reason is required').max(500, 'at most 500 characters');

export const engageSwitchSchema = z
  .object({
    scope: z.enum(SWITCH_SCOPES),
    /** The agent's id or name (agent and agent-tool scopes). */
    agent: z.string().trim().max(200).optional(),
    /** The tool's name (tool and agent-tool scopes). */
    tool: z.string().trim().max(200).optional(),
    effect: z.enum(SWITCH_EFFECTS),
    reason,
  })
  .superRefine((input, ctx) => {
    const needsAgent = input.scope === 'agent' || input.scope === 'agent-tool';
    const needsTool = input.scope === 'tool' || input.scope === 'agent-tool';
    if (needsAgent && !input.agent)
      ctx.addIssue({ code: 'custom', path: ['agent'], message: `required for scope ${input.scope}` });
    if (!needsAgent && input.agent)
      ctx.addIssue({ code: 'custom', path: ['agent'], message: `not used with scope ${input.scope}` });
    if (needsTool && !input.tool)
      ctx.addIssue({ code: 'custom', path: ['tool'], message: `required for scope ${input.scope}` });
    if (!needsTool && input.tool)
      ctx.addIssue({ code: 'custom', path: ['tool'], message: `not used with scope ${input.scope}` });
  });
export type EngageSwitchInput = z.input<typeof engageSwitchSchema>;

export const releaseSwitchSchema = z.object({
  id: z.string().trim().min(1, 'required').max(100),
  reason,
  /** The releasing person's password again (step-up); the CLI has none (break-glass). */
  password: z.string().max(1000).optional(),
});
export type ReleaseSwitchInput = z.input<typeof releaseSwitchSchema>;

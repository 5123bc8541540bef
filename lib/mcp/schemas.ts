import { z } from 'zod';
import { ACTION_LEVELS } from '../policy/action-levels';

/** Admin input for the MCP gateway. Client-safe: imports only zod. */
export const registerMcpServerSchema = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'name: lowercase letters, digits and underscores (it prefixes the tool names)'),
  url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL of a streamable HTTP MCP endpoint' }).max(2000),
  /** The bearer token Warden sends upstream; stored sealed, never shown again. */
  credentials: z.string().max(4000).optional(),
});
export type RegisterMcpServerInput = z.input<typeof registerMcpServerSchema>;

export const reviewMcpToolChangeSchema = z.object({
  changeId: z.string().min(1),
  decision: z.enum(['accept', 'dismiss'], { error: 'decision must be accept or dismiss' }),
  /** Required to accept an added tool: the level the admin confirms (the annotations only suggest one). */
  actionLevel: z.enum(ACTION_LEVELS, { error: `action level must be one of ${ACTION_LEVELS.join(', ')}` }).optional(),
});
export type ReviewMcpToolChangeInput = z.input<typeof reviewMcpToolChangeSchema>;

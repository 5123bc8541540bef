import { z } from 'zod';
import type { AuditEventType } from '../event-types';
import { text, nullableText } from './fields';

/** Kill switches and the global stop (lib/kill-switches/). */
export const switchPayloads = {
  // Since issue 13 with the reason (and, released from the CLI, breakGlass); earlier events carry nothing.
  'switch.global_stop_engaged': z.strictObject({ reason: text.optional() }),
  'switch.global_stop_released': z.strictObject({
    reason: text.optional(),
    breakGlass: z.boolean().optional(),
    deadlinesMoved: z.number().optional(),
  }),
  // Kill switches (issue 13 §1; the global stop keeps its own two events above). breakGlass: released from the CLI.
  'switch.engaged': z.strictObject({
    switchId: text,
    scope: text,
    agentId: nullableText,
    toolName: nullableText,
    effect: text,
    reason: text,
  }),
  'switch.released': z.strictObject({
    switchId: text,
    scope: text,
    effect: text,
    reason: text,
    breakGlass: z.boolean(),
    deadlinesMoved: z.number().optional(),
  }),
  'switch.engage_unchanged': z.strictObject({ switchId: text, scope: text, effect: text, reason: text }),
} satisfies Partial<Record<AuditEventType, z.ZodType>>;

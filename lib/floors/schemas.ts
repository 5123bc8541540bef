import { z } from 'zod';
import { ACTION_LEVELS } from '../policy/action-levels';
import { MAX_FLOOR } from '../policy/admin-floors';

/** Client-safe: the floors page's form and its server action share it. */
const minApprovals = z
  .number({ error: 'minimum approvals must be a number' })
  .int('minimum approvals must be a whole number')
  .min(0, 'minimum approvals must be 0 or more')
  .max(MAX_FLOOR, `minimum approvals is at most ${MAX_FLOOR}`);

export const setApprovalFloorSchema = z.discriminatedUnion('scope', [
  // A level always has a floor (null goes back to the built-in default).
  z.object({ scope: z.literal('level'), actionLevel: z.enum(ACTION_LEVELS), minApprovals: minApprovals.nullable() }),
  // A tool's own floor; null removes it (its level's floor applies).
  z.object({
    scope: z.literal('tool'),
    tool: z.string().trim().min(1, 'choose a tool'),
    minApprovals: minApprovals.nullable(),
  }),
]);
export type SetApprovalFloorInput = z.input<typeof setApprovalFloorSchema>;

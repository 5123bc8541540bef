import { z } from 'zod';

/** Client-safe inputs of the return to normal (lib/return-to-normal/). */
const GLOBAL_STOP_ID = 'global_stop';

/** What returns to normal: an incident (its switches and the agents it paused), or the global stop. */
export const returnTargetSchema = z.union([
  z.object({ incidentId: z.string().trim().min(1).max(100) }).strict(),
  z.object({ switchId: z.literal(GLOBAL_STOP_ID) }).strict(),
]);
export type ReturnTarget = z.infer<typeof returnTargetSchema>;

const reason = z.string().trim().min(1, 'a reason is required').max(500);
const note = z
  .string()
  .trim()
  .max(500)
  .nullish()
  .transform((value) => value || null);

export const requestReturnSchema = z.object({ target: returnTargetSchema, reason });
export type RequestReturnInput = z.input<typeof requestReturnSchema>;

export const reviewReturnSchema = z.object({ requestId: z.string().trim().min(1).max(100), note });
export type ReviewReturnInput = z.input<typeof reviewReturnSchema>;

export const cancelReturnSchema = z.object({ requestId: z.string().trim().min(1).max(100) });
export type CancelReturnInput = z.input<typeof cancelReturnSchema>;

export const singleAdminReleaseSchema = z.object({
  target: returnTargetSchema,
  reason,
  password: z.string().max(1000).optional(),
});
export type SingleAdminReleaseInput = z.input<typeof singleAdminReleaseSchema>;

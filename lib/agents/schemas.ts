import { z } from 'zod';

export const agentNameSchema = z
  .string()
  .trim()
  .min(2, 'must have at least 2 characters')
  .max(60, 'must have at most 60 characters')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'may hold only lowercase letters, digits and dashes, starting with a letter or digit');

export const AGENT_ENVIRONMENTS = ['test', 'production'] as const;
export const AGENT_MODES = ['live', 'draft_only'] as const;

const purpose = z.string().trim().max(500, 'must have at most 500 characters');
const monitoringNote = z.string().trim().max(1000, 'must have at most 1000 characters');
const shutoffContact = z.string().trim().max(200, 'must have at most 200 characters');
const manualFallback = z.string().trim().max(2000, 'must have at most 2000 characters');

/**
 * The owner by id (console) or by e-mail (CLI); which user it must be is checked against the database
 * (`resolveAgentOwner`).
 */
const ownerRef = {
  ownerId: z.string().trim().min(1, 'choose an owner').optional(),
  ownerEmail: z.string().trim().min(1, 'give an e-mail').optional(),
};

export const createAgentSchema = z
  .object({
    name: agentNameSchema,
    purpose: purpose.default(''),
    ...ownerRef,
    environment: z.enum(AGENT_ENVIRONMENTS).default('production'),
    mode: z.enum(AGENT_MODES).default('live'),
    monitoringNote: monitoringNote.default(''),
    // Empty: the owner's e-mail, so no agent is ever created without somebody to call.
    shutoffContact: shutoffContact.default(''),
  })
  .refine((input) => input.ownerId || input.ownerEmail, { path: ['owner'], message: 'choose an owner' });
export type CreateAgentInput = z.input<typeof createAgentSchema>;

/** The fields an owner may change on their own agent; the rest of the identity is for admins. */
export const OWNER_EDITABLE_FIELDS = ['purpose', 'monitoringNote', 'shutoffContact', 'manualFallback'] as const;

export const updateAgentSchema = z.object({
  purpose: purpose.optional(),
  monitoringNote: monitoringNote.optional(),
  shutoffContact: shutoffContact.min(1, 'say who can shut this agent off').optional(),
  /** What reviewers do by hand while the agent is stopped; empty = none written yet (a readiness gap). */
  manualFallback: manualFallback.optional(),
  environment: z.enum(AGENT_ENVIRONMENTS).optional(),
  mode: z.enum(AGENT_MODES).optional(),
  ...ownerRef,
  /** The version the editor saw; a different current version is a 409 with the current state. */
  expectedVersion: z.number().int().positive().optional(),
});
export type UpdateAgentInput = z.input<typeof updateAgentSchema>;

import { z } from 'zod';
import { ACTION_STATUSES } from '../policy/action-status';

/** Request shapes of the agent API and the review forms. Client-safe: imports only zod. */
export const sourceSchema = z.object({
  title: z.string().trim().min(1, 'a source needs a title').max(300),
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(2000)
    .optional(),
  excerpt: z.string().max(5000).optional(),
});

export const proposeActionSchema = z.object({
  tool: z.string().trim().min(1, 'name the tool to call').max(100),
  params: z.record(z.string(), z.unknown(), { error: 'params must be a JSON object' }),
  reason: z.string().max(2000).optional(),
  sources: z.array(sourceSchema).max(20).default([]),
  requester: z.string().trim().min(1).max(200).optional(),
  /** A JWT signed by the agent's backend naming the end user the agent acts for (see lib/auth/verify-requester.ts). */
  requesterAssertion: z.string().trim().min(1).max(8000).optional(),
  traceId: z.string().trim().min(1).max(200).optional(),
  /** For a record update: the record's current values, so the reviewer sees a before/after diff. */
  currentValues: z.record(z.string(), z.unknown(), { error: 'currentValues must be a JSON object' }).optional(),
});
export type ProposeActionInput = z.input<typeof proposeActionSchema>;

export const reportResultSchema = z
  .object({
    ok: z.boolean({ error: 'ok must be true or false' }),
    output: z.unknown().optional(),
    error: z.string().max(5000).optional(),
    downstreamRef: z.string().max(500).optional(),
  })
  .refine((body) => body.ok || body.error, { path: ['error'], message: 'a failed result needs an error message' });
export type ReportResultInput = z.input<typeof reportResultSchema>;

/** The agent may state the hash of the parameters it is about to run; a claim for anything else fails. */
export const claimActionSchema = z.object({
  paramsHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'paramsHash must be the hex SHA-256 the action reports')
    .optional(),
});
export type ClaimActionInput = z.input<typeof claimActionSchema>;

export const getActionQuerySchema = z.object({
  wait: z.coerce
    .number({ error: 'wait must be a number of seconds' })
    .int()
    .min(0)
    .max(60, 'wait is at most 60 seconds')
    .default(0),
});

export const decisionSchema = z.object({
  actionId: z.string().min(1),
  comment: z.string().trim().max(2000).optional(),
});
export type DecisionInput = z.input<typeof decisionSchema>;

/** A reviewer's edited parameters, approved in the same step; `version` is the version the reviewer edited. */
export const editAndApproveSchema = decisionSchema.extend({
  params: z.record(z.string(), z.unknown(), { error: 'params must be a JSON object' }),
  version: z.number({ error: 'version must be a number' }).int().min(1),
});
export type EditAndApproveInput = z.input<typeof editAndApproveSchema>;

export type Source = z.infer<typeof sourceSchema>;

export const escalateActionSchema = z.object({
  actionId: z.string().min(1),
  groupId: z.string().trim().min(1, 'choose the reviewer group to escalate to'),
  note: z.string().trim().min(1, 'say why you escalate: the next group reads this note').max(2000),
});
export type EscalateActionInput = z.input<typeof escalateActionSchema>;

/** The agent's list of its own actions (GET /api/v1/actions): one status, keyset-paged by id, newest first. */
export const listAgentActionsSchema = z.object({
  status: z.enum(ACTION_STATUSES, { error: 'must be one of the action statuses' }),
  after: z
    .string()
    .trim()
    .regex(/^[0-9a-zA-Z-]{1,100}$/, 'is not a cursor this endpoint returned')
    .optional(),
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(50),
});
export type ListAgentActionsInput = z.input<typeof listAgentActionsSchema>;

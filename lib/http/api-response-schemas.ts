import { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '../errors';
import { ACTION_LEVELS } from '../policy/action-levels';
import { ACTION_STATUSES, INITIAL_STATUSES } from '../policy/action-status';

/**
 * What the agent API answers, written down in zod so the OpenAPI document can describe it and a test can hold the
 * code to it (lib/http/openapi.test.ts parses real `toActionView` output with these). Client-safe: zod and pure
 * policy constants only.
 */
export const actionViewSchema = z.object({
  id: z.string().meta({ description: 'The action id (UUID).' }),
  status: z.enum(ACTION_STATUSES).meta({ description: 'Where the action is in its life cycle.' }),
  tool: z.string(),
  params: z.record(z.string(), z.unknown()).meta({
    description:
      "The parameters to run: as proposed, or the reviewer's edited version when `edited`. A claim releases these.",
  }),
  paramsVersion: z
    .number()
    .int()
    .min(1)
    .meta({ description: 'Version of the parameters: 1 as proposed; each reviewer edit adds one.' }),
  edited: z.boolean().meta({
    description: 'True when a reviewer changed the parameters before approving: run `params`, not what you proposed.',
  }),
  originalParams: z
    .record(z.string(), z.unknown())
    .optional()
    .meta({ description: 'Only when `edited`: the parameters exactly as proposed.' }),
  reason: z.string().nullable(),
  sources: z.array(z.object({ title: z.string(), url: z.string().optional(), excerpt: z.string().optional() })),
  requester: z.string().nullable(),
  requesterVerified: z
    .boolean()
    .meta({ description: 'True when the requester came from a verified requester assertion.' }),
  traceId: z.string(),
  paramsHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .meta({
      description:
        'Hex SHA-256 of (agent, tool, canonical params) of the version to run; send it with the claim. An approval is bound to it.',
    }),
  approvalsRequired: z.number().int().min(0),
  decision: z.object({
    reasons: z.array(z.string()).meta({ description: "The gate's reasons at proposal time." }),
    reason: z.string().nullable().meta({
      description: "The latest reason given by a person (the reviewer's comment) or by a block at claim time.",
    }),
    decidedBy: z.string().nullable().meta({
      description:
        "The reviewer who decided, by display name or an opaque stable id (the instance's WARDEN_REVIEWER_IDENTITY); never an e-mail address. null for the gate's own decisions.",
    }),
    decidedAt: z.iso.datetime().nullable(),
  }),
  result: z.unknown().nullable().meta({ description: 'What the agent reported: { ok, output, error }, or null.' }),
  downstreamRef: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  rollbackOf: z.string().nullable().meta({
    description:
      "Set when Warden proposed this action to undo another (a rollback): the original action's id. Claim and run it like any other.",
  }),
  stop: z
    .object({ reasons: z.array(z.string()) })
    .optional()
    .meta({
      description:
        'Only in the answer to a result report: the action was in flight when a stop in its scope was engaged (each reason names the switch). The result is recorded (it already ran); start no more work in that scope until it is released (GET /api/v1/agent lists the switches).',
    }),
});

export const proposalResultSchema = z.object({
  id: z.string(),
  status: z.enum(INITIAL_STATUSES),
  decision: z.object({
    outcome: z.enum(INITIAL_STATUSES).meta({
      description:
        'approved: claim it now; pending_review: wait for a reviewer; draft: recorded, never executed; blocked: refused.',
    }),
    reasons: z.array(z.string()),
  }),
});

export const authoritySchema = z.object({
  agent: z.object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['active', 'paused']),
    mode: z.enum(['live', 'draft_only']),
  }),
  tools: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      actionLevel: z.enum(ACTION_LEVELS),
      parameters: z.record(z.string(), z.unknown()).meta({ description: "The tool's JSON Schema for params." }),
      approval: z.enum(['none', 'required']).meta({ description: 'Whether a human must approve each call.' }),
    }),
  ),
  switches: z
    .array(
      z.object({
        id: z.string(),
        scope: z.enum(['global', 'agent', 'tool', 'agent-tool']),
        tool: z.string().nullable().meta({ description: 'The tool the switch is on (tool and agent-tool scopes).' }),
        effect: z.enum(['block', 'review-all', 'draft-only']),
        reason: z.string(),
        since: z.string().meta({ description: 'When it was engaged (ISO 8601).' }),
      }),
    )
    .meta({
      description:
        'The engaged kill switches that apply to this agent: block refuses, review-all queues every proposal, draft-only turns writes into drafts.',
    }),
  inFlightAtStop: z
    .array(
      z.object({
        actionId: z.string(),
        tool: z.string(),
        stops: z
          .array(z.string())
          .meta({ description: 'The stops that now cover it, each naming its switch and reason.' }),
      }),
    )
    .meta({
      description:
        'Your executing actions that a stop engaged since you claimed them now covers: finish or abandon them, report the result (it is recorded), and claim nothing more in that scope until the stop is released.',
    }),
});

/** Every error: a code from lib/errors.ts plus safe details (`issues` on 422, `status`/`reasons` on 409, …). */
export const errorResponseSchema = z.object({
  error: z.looseObject({
    code: z.enum([...(Object.keys(ERROR_STATUS) as ErrorCode[]), 'internal']).meta({
      description: 'internal (500) is the only code not in lib/errors.ts: an unexpected failure that reveals nothing.',
    }),
    message: z.string(),
    issues: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'On 422: each failing field.' }),
    status: z.enum(ACTION_STATUSES).optional().meta({ description: "On 409: the action's current status." }),
    reasons: z.array(z.string()).optional().meta({ description: 'On 409 blocked at claim, and on 429: why.' }),
    limitBytes: z.number().int().optional().meta({ description: 'On 413: the body limit in bytes.' }),
  }),
});

/** GET /api/v1/actions?status=…: the agent's own actions of one status, newest first (lib/actions/list-agent-actions.ts). */
export const agentActionListSchema = z.object({
  actions: z.array(
    z.object({
      id: z.string(),
      tool: z.string(),
      status: z.enum(ACTION_STATUSES),
      createdAt: z.string().meta({ description: 'ISO 8601, UTC.' }),
      fate: z.enum(['promoted', 'discarded']).nullable().meta({
        description:
          "A draft's fate: null while no person has decided it; promoted (a new pending action was queued) or discarded.",
      }),
      promotedActionId: z
        .string()
        .nullable()
        .meta({ description: 'On a promoted draft: the pending action it became.' }),
      promotedFromId: z.string().nullable().meta({ description: 'On an action promoted from a draft: that draft.' }),
    }),
  ),
  nextCursor: z
    .string()
    .nullable()
    .meta({ description: 'Pass as `after` for the next (older) page; null on the last page.' }),
});

export const healthSchema = z.object({ ok: z.literal(true) });

export const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  reason: z
    .string()
    .optional()
    .meta({ description: 'When not ready: why (the database does not answer, or which migrations are missing).' }),
});

export type ActionViewResponse = z.infer<typeof actionViewSchema>;
export type ProposalResultResponse = z.infer<typeof proposalResultSchema>;
export type AuthorityResponse = z.infer<typeof authoritySchema>;
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
export type AgentActionListResponse = z.infer<typeof agentActionListSchema>;

import { z } from 'zod';
import { linearRegexProblem } from '../policy/linear-regex';

/** What an owner may set on a grant. Client-safe: the console's form and the server action share it. */
const paramPath = z
  .string()
  .trim()
  .regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, 'param: a parameter name, dotted for nested ones');
const effect = z.enum(['block', 'review']);
const domains = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a domain such as example.com'),
  )
  .min(1, 'list at least one domain');

export const constraintSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('allowed_values'),
    param: paramPath,
    effect,
    values: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1, 'list at least one value'),
  }),
  z.object({
    kind: z.literal('record_type'),
    param: paramPath,
    effect,
    values: z.array(z.string().min(1)).min(1, 'list at least one record type'),
  }),
  z.object({
    kind: z.literal('pattern'),
    param: paramPath,
    effect,
    // Run by RE2 (lib/policy/linear-regex.ts): a pattern it cannot compile (backreference, lookaround) is refused here.
    pattern: z
      .string()
      .min(1)
      .max(500)
      .superRefine((p, ctx) => {
        const problem = linearRegexProblem(p);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
  }),
  z
    .object({
      kind: z.literal('range'),
      param: paramPath,
      effect,
      min: z.number().optional(),
      max: z.number().optional(),
    })
    .refine((c) => c.min !== undefined || c.max !== undefined, {
      message: 'give a minimum, a maximum or both',
      path: ['max'],
    })
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
      message: 'minimum is above maximum',
      path: ['min'],
    }),
  z.object({ kind: z.literal('email_domain'), param: paramPath, effect, domains }),
  z.object({ kind: z.literal('url_domain'), param: paramPath, effect, domains }),
]);

const positive = (what: string) =>
  z.number().int(`${what} must be a whole number`).min(1, `${what} must be at least 1`);

export const grantRulesSchema = z
  .object({
    approvals: z.number().int().min(0).max(5, 'at most 5 approvals'),
    constraints: z.array(constraintSchema).max(30).default([]),
    rateLimit: z
      .object({ count: positive('rate limit count'), windowSeconds: positive('rate limit window').max(86_400 * 30) })
      .nullable()
      .default(null),
    maxCallsPerTrace: positive('calls per trace').nullable().default(null),
    maxPending: z.number().int().min(0).nullable().default(null),
    expiresAt: z.coerce.date({ error: 'expiry must be a date' }).nullable().default(null),
    environment: z.enum(['any', 'test', 'production']).default('any'),
    requireReason: z.boolean().default(false),
    requester: z
      .object({
        roles: z.array(z.string().trim().min(1)).default([]),
        attributes: z.record(z.string(), z.string()).default({}),
      })
      .nullable()
      .default(null),
    loop: z
      .object({
        maxRepeats: positive('loop repeats'),
        windowSeconds: positive('loop window').max(86_400),
        pauseAgent: z.boolean(),
      })
      .nullable()
      .default(null),
    reviewTimeoutMinutes: positive('review timeout')
      .max(7 * 24 * 60, 'review timeout is at most 7 days')
      .default(60),
    ownerMayApprove: z.boolean().default(false),
    // Reviewer group ids (checked to exist when the grant is saved).
    requiredGroups: z
      .array(z.string().trim().min(1))
      .max(5, 'at most 5 required groups')
      .refine((ids) => new Set(ids).size === ids.length, 'a group is listed twice')
      .default([]),
    reviewGroupId: z.string().trim().min(1).nullable().default(null),
    escalationLadder: z
      .array(
        z.object({
          afterMinutes: positive('escalation delay').max(7 * 24 * 60),
          groupId: z.string().trim().min(1, 'choose a group'),
        }),
      )
      .max(5, 'at most 5 escalation steps')
      .refine(
        (steps) => steps.every((s, i) => i === 0 || s.afterMinutes > (steps[i - 1]?.afterMinutes ?? -Infinity)),
        'escalation steps must come later and later',
      )
      .default([]),
  })
  .strict();
export type GrantRulesInput = z.input<typeof grantRulesSchema>;
export type GrantRules = z.output<typeof grantRulesSchema>;

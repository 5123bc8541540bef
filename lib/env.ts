import path from 'node:path';
import { z } from 'zod';
import { parseOidcRoleMap, type OidcRoleMap } from './auth/oidc-role-map';
import { LOG_LEVEL_SETTING } from './logging/create-logger.cjs';

/** Validated environment, read once. Unknown or malformed values fail start-up with the variable's name. */
const schema = z
  .object({
    DATABASE_URL: z
      .string()
      .default('file:./data/warden.db')
      .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), 'must start with file: (SQLite) or postgresql://'),
    WARDEN_SEED: z.enum(['demo', 'none']).default('demo'),
    /** Agent API input limits and the default pending cap (lib/http/agent-limits.ts). */
    WARDEN_MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(256 * 1024),
    WARDEN_MAX_JSON_DEPTH: z.coerce.number().int().min(2).max(256).default(32),
    WARDEN_DEFAULT_MAX_PENDING: z.coerce.number().int().min(1).default(1000),
    /** How agents are told who decided: the reviewer's display name, or an opaque stable id. Never the e-mail. */
    WARDEN_REVIEWER_IDENTITY: z.enum(['name', 'opaque']).default('name'),
    /** How long a return-to-normal request waits for a second admin (lib/return-to-normal/); fractions allowed. */
    WARDEN_RETURN_TO_NORMAL_TTL_MINUTES: z.coerce
      .number()
      .positive()
      .max(7 * 24 * 60)
      .default(60),
    /** How long an MCP tools/call waits for a review before answering "awaits review" (lib/mcp/); a retry resumes it. */
    WARDEN_MCP_REVIEW_WAIT_SECONDS: z.coerce.number().int().min(0).max(600).default(60),
    /** The logger's level (lib/logging/): fatal, error, warn, info (one line per request), debug, trace or silent. */
    WARDEN_LOG_LEVEL: LOG_LEVEL_SETTING,
    /**
     * How often a process reads the database for other app instances' changes while it cannot hear them (SQLite, or
     * PostgreSQL's notification connection down; lib/realtime/other-instances.ts). Unset: 0.5 s for live views, 1 s for
     * agents' long-polls.
     */
    WARDEN_FALLBACK_POLL_MS: z.coerce.number().int().min(50).max(600_000).optional(),
    /**
     * The bearer token Prometheus sends to /api/metrics (lib/metrics/). Unset or empty: the endpoint answers 404. At
     * least 16 characters: a guessable token would publish the workspace's agents and tools by name.
     */
    WARDEN_METRICS_TOKEN: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .pipe(z.string().min(16, 'WARDEN_METRICS_TOKEN must be at least 16 characters').optional()),
    /** Demo mode only: the loopback port of the demo upstream MCP server `npm start` runs and the seed registers (0: none). */
    WARDEN_DEMO_MCP_PORT: z.coerce.number().int().min(0).max(65535).default(3901),
    /**
     * Single sign-on (OpenID Connect, lib/session/next-auth-options.ts, lib/users/sign-in-with-oidc.ts): the issuer
     * (its /.well-known/openid-configuration is read), this client's id and secret — all three or none. The button reads
     * "Sign in with <WARDEN_OIDC_NAME>". Scopes asked for: add the one that brings the role claim if the provider needs it.
     */
    WARDEN_OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'must be the issuer URL (http or https)' }).optional(),
    WARDEN_OIDC_CLIENT_ID: z.string().min(1).optional(),
    WARDEN_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    WARDEN_OIDC_NAME: z.string().trim().min(1).max(60).default('single sign-on'),
    WARDEN_OIDC_SCOPES: z
      .string()
      .default('openid email profile')
      .refine((scopes) => scopes.split(/\s+/).includes('openid'), 'must include openid'),
    /** on: a verified e-mail Warden does not know becomes a new user with the mapped roles; off: refused. */
    WARDEN_OIDC_JIT: z.enum(['on', 'off']).default('off'),
    /** The ID-token claim holding the person's groups (exact name, else a dotted path such as realm_access.roles). */
    WARDEN_OIDC_ROLE_CLAIM: z.string().trim().min(1).default('groups'),
    /**
     * group=role entries, `*=role` the default (lib/auth/oidc-role-map.ts). Set: roles follow the provider, re-mapped
     * at each single sign-on; unset: single sign-on keeps the roles given in Warden (and just-in-time creation is refused).
     */
    WARDEN_OIDC_ROLE_MAP: z
      .string()
      .optional()
      .transform((text, ctx): OidcRoleMap | null => {
        if (text === undefined) return null;
        const parsed = parseOidcRoleMap(text);
        if (parsed.ok) return parsed.map;
        for (const problem of parsed.problems) ctx.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }),
    /** off: no password form and every password sign-in refused (needs single sign-on configured). */
    WARDEN_PASSWORD_SIGNIN: z.enum(['on', 'off']).default('on'),
  })
  .superRefine((value, ctx) => {
    const oidc = [value.WARDEN_OIDC_ISSUER, value.WARDEN_OIDC_CLIENT_ID, value.WARDEN_OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['WARDEN_OIDC_ISSUER'],
        message:
          'single sign-on needs WARDEN_OIDC_ISSUER, WARDEN_OIDC_CLIENT_ID and WARDEN_OIDC_CLIENT_SECRET together',
      });
    }
    if (value.WARDEN_PASSWORD_SIGNIN === 'off' && !oidc.every(Boolean)) {
      ctx.addIssue({
        code: 'custom',
        path: ['WARDEN_PASSWORD_SIGNIN'],
        message: 'off needs single sign-on configured (WARDEN_OIDC_ISSUER, …), or nobody could sign in',
      });
    }
    if (value.WARDEN_OIDC_JIT === 'on' && !value.WARDEN_OIDC_ROLE_MAP) {
      ctx.addIssue({
        code: 'custom',
        path: ['WARDEN_OIDC_JIT'],
        message: 'on needs WARDEN_OIDC_ROLE_MAP: a user created at sign-in takes its roles from the map',
      });
    }
  });

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`Invalid environment: ${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export type DatabaseTarget = { provider: 'sqlite'; file: string } | { provider: 'postgresql'; url: string };

export function databaseTarget(url = env().DATABASE_URL): DatabaseTarget {
  if (url.startsWith('file:')) return { provider: 'sqlite', file: path.resolve(url.slice('file:'.length)) };
  return { provider: 'postgresql', url };
}

import path from 'node:path';
import { z } from 'zod';

/** Validated environment, read once. Unknown or malformed values fail start-up with the variable's name. */
const schema = z.object({
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
  /**
   * How often a process reads the database for other app instances' changes while it cannot hear them (SQLite, or
   * PostgreSQL's notification connection down; lib/realtime/other-instances.ts). Unset: 0.5 s for live views, 1 s for
   * agents' long-polls.
   */
  WARDEN_FALLBACK_POLL_MS: z.coerce.number().int().min(50).max(600_000).optional(),
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

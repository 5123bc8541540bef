import path from 'node:path';
import { z } from 'zod';

/** Validated environment, read once. Unknown or malformed values fail start-up with the variable's name. */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .default('file:./data/warden.db')
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), 'must start with file: (SQLite) or postgresql://'),
  WARDEN_SEED: z.enum(['demo', 'none']).default('demo'),
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

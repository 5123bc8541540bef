import type { z } from 'zod';
import { fieldIssues, invalidInput } from '../errors';

/** Parses input or throws the 422 that names each failing field; nothing is touched before this passes. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = fieldIssues(parsed.error.issues);
  throw invalidInput(`Invalid input: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, issues);
}

import { createHash } from 'node:crypto';
import { env } from '../env';

/**
 * How agents are told who decided (WARDEN_REVIEWER_IDENTITY): `name`, the reviewer's display name (default), or
 * `opaque`, a stable id derived from the user's id that says nothing about the person. Never the e-mail address: an
 * agent that knows it can write to the reviewer, or about them, outside the console.
 */
export function reviewerIdentity(reviewer: { id: string; name: string } | null | undefined): string | null {
  if (!reviewer) return null;
  if (env().WARDEN_REVIEWER_IDENTITY === 'name') return reviewer.name;
  return `reviewer_${createHash('sha256').update(`warden-reviewer:${reviewer.id}`).digest('hex').slice(0, 16)}`;
}

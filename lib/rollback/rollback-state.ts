import type { ActionStatus } from '../policy/action-status';

/**
 * A compensation in one of these holds the original: a second rollback is refused (409) while one may still run or
 * has run. Blocked, rejected, expired and failed ones may be retried (the responder sees each attempt on the
 * original). A draft holds too: it may yet be promoted into review.
 */
export const HOLDING_ROLLBACK_STATUSES = [
  'pending_review',
  'approved',
  'executing',
  'succeeded',
  'draft',
] as const satisfies readonly ActionStatus[];

/** What an original action's page says of its rollbacks, newest first. */
export type RollbackAttempt = { id: string; status: string; createdAt: string };

export function rollbackSummary(attempts: RollbackAttempt[]): 'rolled_back' | 'in_progress' | 'failed' | 'none' {
  if (attempts.some((a) => a.status === 'succeeded')) return 'rolled_back';
  if (attempts.some((a) => (HOLDING_ROLLBACK_STATUSES as readonly string[]).includes(a.status))) return 'in_progress';
  if (attempts.some((a) => a.status === 'failed')) return 'failed';
  return 'none';
}

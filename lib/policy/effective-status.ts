/**
 * The status to show and to act on: a pending action past its review deadline is expired, whether or not the
 * background job has committed that yet (it does within a tick: lib/actions/expire-action.ts). Pure, so reads never
 * write: the queue, the card and the agent's long-poll all say "expired" at the deadline, and nothing can approve it.
 */
export function effectiveStatus(
  action: { status: string; expiresAt: Date | string | null },
  now = Date.now(),
  frozen = false,
): string {
  // Frozen by a stop (lib/policy/stop-coverage.ts): the deadline is paused, so it is still waiting.
  if (action.status !== 'pending_review' || action.expiresAt === null || frozen) return action.status;
  const deadline = typeof action.expiresAt === 'string' ? Date.parse(action.expiresAt) : action.expiresAt.getTime();
  return deadline <= now ? 'expired' : action.status;
}

/** The reason an expired action gives, the same whether read before the job commits the expiry or after. */
export function expiryReason(deadline: Date): string {
  return `no decision before the deadline ${deadline.toISOString()}`;
}

/**
 * The action state machine: every status and every allowed move, in one table.
 * Domain functions move an action only through `assertTransition` + a compare-and-set on the current status.
 */
export const ACTION_STATUSES = [
  'pending_review',
  'approved',
  'rejected',
  'blocked',
  'draft',
  'executing',
  'succeeded',
  'failed',
  'expired',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The statuses a new proposal can start in (the decision's outcome). */
export const INITIAL_STATUSES = [
  'approved',
  'pending_review',
  'draft',
  'blocked',
] as const satisfies readonly ActionStatus[];

export const TRANSITIONS: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  // Expiry is a move to a blocking state, never an approval.
  pending_review: ['approved', 'rejected', 'expired'],
  // A claim moves an approved action to executing, or blocks it when a stop, pause or lost grant forbids it now.
  approved: ['executing', 'blocked'],
  executing: ['succeeded', 'failed'],
  rejected: [],
  blocked: [],
  draft: [],
  succeeded: [],
  failed: [],
  expired: [],
};

export function canTransition(from: ActionStatus, to: ActionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isTerminal(status: ActionStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

export const STATUS_LABELS: Record<ActionStatus, string> = {
  pending_review: 'Pending review',
  approved: 'Approved',
  rejected: 'Rejected',
  blocked: 'Blocked',
  draft: 'Draft',
  executing: 'Executing',
  succeeded: 'Succeeded',
  failed: 'Failed',
  expired: 'Expired',
};

/**
 * The return to normal's rules (issue 13 §3), pure: a request's status as it reads now, who may approve it, who may
 * cancel it, and when one admin may release alone. lib/return-to-normal/ applies them inside its transactions.
 */
export const REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'cancelled', 'expired'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * A pending request past its expiry reads as expired, whether or not anything has written that: reads never write,
 * and nothing can approve it at or after `expiresAt`. Decided statuses are final. An unknown stored status reads as
 * expired (fail closed: nothing can approve what Warden cannot read).
 */
export function effectiveRequestStatus(
  request: { status: string; expiresAt: Date | string },
  now: Date | number = Date.now(),
): RequestStatus {
  const at = typeof now === 'number' ? now : now.getTime();
  if (request.status === 'pending') {
    const expiresAt =
      typeof request.expiresAt === 'string' ? Date.parse(request.expiresAt) : request.expiresAt.getTime();
    return Number.isFinite(expiresAt) && at < expiresAt ? 'pending' : 'expired';
  }
  return (REQUEST_STATUSES as readonly string[]).includes(request.status)
    ? (request.status as RequestStatus)
    : 'expired';
}

export type Person = { id: string; roles: readonly string[]; disabled: boolean };

/** An admin who can act now: the admin role and not disabled. The same count the readiness check's "only one admin" uses. */
export function isActiveAdmin(person: Pick<Person, 'roles' | 'disabled'>): boolean {
  return !person.disabled && person.roles.includes('admin');
}

/**
 * Why this person may not approve (or reject) the request, or null when they may: an active admin other than the
 * requester, while the request is pending and not expired. The two-person rule is the point: the requester never
 * approves; they cancel instead of rejecting.
 */
export function decisionRefusal(
  request: { status: string; expiresAt: Date | string; requestedById: string | null },
  person: Person,
  decision: 'approve' | 'reject',
  now: Date | number = Date.now(),
): string | null {
  const status = effectiveRequestStatus(request, now);
  const verb = decision === 'approve' ? 'approved' : 'rejected';
  if (status !== 'pending') return `This request is ${status}; only a pending request can be ${verb}.`;
  if (!isActiveAdmin(person)) return `Only an active admin can ${decision} the return to normal.`;
  if (request.requestedById === person.id) {
    return decision === 'approve'
      ? 'You asked for this return to normal: another admin must approve it.'
      : 'You asked for this return to normal: cancel it instead.';
  }
  return null;
}

export function approvalRefusal(
  request: { status: string; expiresAt: Date | string; requestedById: string | null },
  approver: Person,
  now: Date | number = Date.now(),
): string | null {
  return decisionRefusal(request, approver, 'approve', now);
}

/** Why this person may not cancel the request, or null: only its requester, while it is pending. */
export function cancelRefusal(
  request: { status: string; expiresAt: Date | string; requestedById: string | null },
  person: Pick<Person, 'id'>,
  now: Date | number = Date.now(),
): string | null {
  const status = effectiveRequestStatus(request, now);
  if (status !== 'pending') return `This request is ${status}; only a pending request can be cancelled.`;
  if (request.requestedById !== person.id)
    return 'Only the admin who asked for this return to normal can cancel it; another admin rejects it.';
  return null;
}

/**
 * One admin may release alone (with their password again) only when nobody else could approve: exactly one active
 * admin in the workspace, and it is them. Two or more: the two-person rule applies.
 */
export function singleAdminReleaseAllowed(activeAdminIds: readonly string[], personId: string): boolean {
  return activeAdminIds.length === 1 && activeAdminIds[0] === personId;
}

/** How long a request waits for a second admin: `WARDEN_RETURN_TO_NORMAL_TTL_MINUTES` (default 60), fractions allowed. */
export function requestExpiresAt(requestedAt: Date, ttlMinutes: number): Date {
  return new Date(requestedAt.getTime() + ttlMinutes * 60_000);
}

import { OPEN_GRANT_POLICY, type GrantPolicy } from '../policy/grant-policy';

/** Reads a grant row into the shape the pure decision takes. */
export function toGrantPolicy(grant: { approvalRequired: boolean } | null): GrantPolicy | null {
  if (!grant) return null;
  return { ...OPEN_GRANT_POLICY, approvals: grant.approvalRequired ? 1 : 0 };
}

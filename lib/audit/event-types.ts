/**
 * Every kind of audit event: one union, so a writer cannot invent a type. Each type's payload has a zod schema in
 * `event-payloads.ts` (a type without one fails tsc there); `read-audit-payload.ts` reads them back. Client-safe
 * (types and labels only).
 */
export type AuditEventType =
  | 'action.proposed'
  | 'action.params_invalid'
  | 'gate.decided'
  | 'action.approved'
  | 'action.rejected'
  | 'action.claimed'
  | 'action.expired'
  | 'action.claim_blocked'
  | 'action.succeeded'
  | 'action.failed'
  | 'agent.created'
  | 'agent.paused'
  | 'agent.resumed'
  | 'agent.mode_changed'
  | 'agent_key.created'
  | 'agent_key.revoked'
  | 'tool.created'
  | 'grant.created'
  | 'grant.updated'
  | 'grant.revoked'
  | 'gate.throttled'
  | 'action.approval_recorded'
  | 'agent.requester_key_set'
  | 'agent_key.rotated'
  | 'tool.updated'
  | 'tool.enabled'
  | 'tool.disabled'
  | 'switch.global_stop_engaged'
  | 'switch.global_stop_released'
  | 'user.created'
  | 'action.params_edited'
  | 'action.approvals_reset'
  | 'action.escalated'
  | 'review_group.created'
  | 'review_group.updated'
  | 'review_group.member_added'
  | 'review_group.member_removed'
  | 'review_group.deleted'
  | 'notification_channel.created'
  | 'notification_channel.updated'
  | 'notification_channel.tested'
  | 'notification.delivery_failed'
  | 'action.opened'
  | 'user.roles_changed'
  | 'user.disabled'
  | 'user.enabled'
  | 'user.password_reset'
  | 'user.password_changed'
  | 'user.signed_out_everywhere'
  | 'agent.updated'
  | 'agent.ownership_transferred'
  | 'agent.archived'
  | 'action.closed_agent_archived'
  | 'floor.set'
  | 'grant.change_held'
  | 'grant.change_approved'
  | 'grant.change_rejected'
  | 'grant.change_stale'
  | 'audit.chain_started'
  | 'audit.chain_broken'
  | 'audit.chain_disabled'
  | 'audit.verification_failed'
  | 'audit.exported'
  | 'evidence.exported'
  | 'switch.engaged'
  | 'switch.released'
  | 'switch.engage_unchanged'
  | 'draft.promoted'
  | 'action.promoted_from_draft'
  | 'draft.promotion_refused'
  | 'draft.discarded'
  | 'rollback.requested'
  | 'rollback.recorded_manually'
  | 'grants.restored'
  | 'incident.opened'
  | 'incident.closed'
  | 'incident.note_added'
  | 'incident.fallback_set'
  | 'return_to_normal.requested'
  | 'return_to_normal.approved'
  | 'return_to_normal.rejected'
  | 'return_to_normal.cancelled'
  | 'return_to_normal.single_admin_released'
  | 'incident.marked'
  | 'action.approval_refused_frozen'
  | 'mcp_server.registered'
  | 'mcp_server.refreshed'
  | 'mcp_tool.change_accepted'
  | 'mcp_tool.change_dismissed'
  // Operations (scripts/cli/backup-commands.ts)
  | 'database.restored'
  | 'user.signed_in_sso'
  | 'user.sso_refused';

export const AUDIT_EVENT_LABELS: Record<AuditEventType, string> = {
  'action.proposed': 'Proposed by agent',
  'action.params_invalid': 'Rejected: invalid parameters',
  'gate.decided': 'Gate decided',
  'action.approved': 'Approved by reviewer',
  'action.rejected': 'Rejected by reviewer',
  'action.claimed': 'Claimed for execution',
  'action.expired': 'Expired without a decision',
  'action.claim_blocked': 'Claim blocked',
  'action.succeeded': 'Reported success',
  'action.failed': 'Reported failure',
  'agent.created': 'Agent created',
  'agent.paused': 'Agent paused',
  'agent.resumed': 'Agent resumed',
  'agent.mode_changed': 'Agent mode changed',
  'agent_key.created': 'Agent key created',
  'agent_key.revoked': 'Agent key revoked',
  'tool.created': 'Tool created',
  'grant.created': 'Grant created',
  'grant.updated': 'Grant changed',
  'grant.revoked': 'Grant revoked',
  'gate.throttled': 'Throttled by the gate',
  'action.approval_recorded': 'Approval recorded',
  'agent.requester_key_set': 'Requester key changed',
  'agent_key.rotated': 'Agent key rotated',
  'tool.updated': 'Tool changed',
  'tool.enabled': 'Tool enabled',
  'tool.disabled': 'Tool disabled',
  'switch.global_stop_engaged': 'Global stop engaged',
  'switch.global_stop_released': 'Global stop released',
  'user.created': 'User created',
  'action.params_edited': 'Parameters edited by reviewer',
  'action.approvals_reset': 'Earlier approvals voided',
  'action.escalated': 'Escalated',
  'review_group.created': 'Reviewer group created',
  'review_group.updated': 'Reviewer group changed',
  'review_group.member_added': 'Reviewer added to group',
  'review_group.member_removed': 'Reviewer removed from group',
  'review_group.deleted': 'Reviewer group deleted',
  'notification_channel.created': 'Notification channel created',
  'notification_channel.updated': 'Notification channel changed',
  'notification_channel.tested': 'Notification channel tested',
  'notification.delivery_failed': 'Notification channel failing',
  'action.opened': 'Opened by reviewer',
  'user.roles_changed': 'User roles changed',
  'user.disabled': 'User disabled',
  'user.enabled': 'User enabled',
  'user.password_reset': 'User password reset',
  'user.password_changed': 'User changed their password',
  'user.signed_out_everywhere': 'User signed out everywhere',
  'agent.updated': 'Agent changed',
  'agent.ownership_transferred': 'Agent ownership transferred',
  'agent.archived': 'Agent archived',
  'action.closed_agent_archived': 'Closed: agent archived',
  'floor.set': 'Admin floor set',
  'grant.change_held': 'Grant change held for an admin',
  'grant.change_approved': 'Held grant change approved',
  'grant.change_rejected': 'Held grant change rejected',
  'grant.change_stale': 'Held grant change stale',
  'audit.chain_started': 'Audit chain started',
  'audit.chain_broken': 'Audit chain broken',
  'audit.chain_disabled': 'Audit sealing disabled',
  'audit.verification_failed': 'Audit verification failed',
  'audit.exported': 'Audit log exported',
  'evidence.exported': 'Evidence bundle exported',
  'switch.engaged': 'Switch engaged',
  'switch.released': 'Switch released',
  'switch.engage_unchanged': 'Switch already engaged (no change)',
  'draft.promoted': 'Draft promoted to review',
  'action.promoted_from_draft': 'Queued for review from a draft',
  'draft.promotion_refused': 'Draft promotion refused by the gate',
  'draft.discarded': 'Draft discarded',
  'rollback.requested': 'Rollback requested',
  'rollback.recorded_manually': 'Rolled back manually',
  'grants.restored': 'Grants restored to an earlier time',
  'incident.opened': 'Incident opened',
  'incident.closed': 'Incident closed',
  'incident.note_added': 'Incident note added',
  'incident.fallback_set': 'Incident manual fallback set',
  'return_to_normal.requested': 'Return to normal requested',
  'return_to_normal.approved': 'Return to normal approved',
  'return_to_normal.rejected': 'Return to normal rejected',
  'return_to_normal.cancelled': 'Return to normal cancelled',
  'return_to_normal.single_admin_released': 'Returned to normal by the only admin',
  'incident.marked': 'Marked in an incident',
  'action.approval_refused_frozen': 'Approval refused: frozen by a stop',
  'mcp_server.registered': 'MCP server registered',
  'mcp_server.refreshed': 'MCP server refreshed',
  'mcp_tool.change_accepted': 'MCP tool change accepted',
  'mcp_tool.change_dismissed': 'MCP tool change dismissed',
  'database.restored': 'Database restored from a backup',
  'user.signed_in_sso': 'Signed in with single sign-on',
  'user.sso_refused': 'Single sign-on refused',
};

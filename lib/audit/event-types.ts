/**
 * Every kind of audit event and the shape of its payload: one typed union, so a writer cannot invent a type
 * and a reader knows what each carries. Client-safe (types and labels only).
 */
export type AuditPayloads = {
  'action.proposed': { tool: string; traceId: string; requester: string | null };
  'action.params_invalid': { tool: string; issues: { path: string; message: string }[] };
  'gate.decided': { outcome: string; reasons: string[] };
  'action.approved': { comment: string | null; override?: string };
  'action.rejected': { comment: string | null };
  'action.claimed': Record<string, never>;
  'action.expired': { deadline: string };
  'action.claim_blocked': { reasons: string[] };
  'action.succeeded': { downstreamRef: string | null };
  'action.failed': { error: string | null; downstreamRef: string | null };
  'agent.created': { name: string; ownerId: string; after?: Record<string, unknown> };
  'agent.paused': { reason: string | null };
  // Resumed by a person, or by an incident's return to normal (which names its request and incident).
  'agent.resumed': { returnToNormalRequestId?: string; incidentId?: string };
  'agent.mode_changed': { from: string; to: string };
  'agent_key.created': { keyId: string; prefix: string; label: string; expiresAt: string | null };
  'agent_key.revoked': { keyId: string; prefix: string };
  'tool.created': { name: string; actionLevel: string };
  'grant.created': { tool: string; version: number; after: unknown };
  'grant.updated': {
    tool: string;
    version: number;
    before: unknown;
    after: unknown;
    loosened?: string[];
    changeRequestId?: string;
  };
  'grant.revoked': { tool: string; before: unknown };
  'gate.throttled': { tool: string; reasons: string[] };
  'action.approval_recorded': {
    comment: string | null;
    approvals: number;
    required: number;
    group?: string;
    override?: string;
  };
  'agent.requester_key_set': { issuer: string | null; configured: boolean };
  'agent_key.rotated': { keyId: string; prefix: string; replacedKeyId: string; oldKeyExpiresAt: string };
  'tool.updated': { name: string; before: unknown; after: unknown };
  'tool.enabled': { name: string };
  'tool.disabled': { name: string };
  // Since issue 13 with the reason (and, released from the CLI, breakGlass); earlier events carry nothing.
  'switch.global_stop_engaged': { reason?: string };
  'switch.global_stop_released': { reason?: string; breakGlass?: boolean; deadlinesMoved?: number };
  'user.created': { email: string; roles: string[] };
  // A reviewer changed the parameters before approving: a new version; the agent receives it at claim.
  'action.params_edited': {
    version: number;
    changes: { path: string; before: unknown; after: unknown }[];
    paramsHash: string;
    comment: string | null;
  };
  // Earlier approvals were given to other parameters; an edit voids them.
  'action.approvals_reset': { reason: string; count: number };
  // Handed to another reviewer group, by a person (with a note) or by the grant's escalation ladder.
  // Groups by id (what the notifier routes on) and by name as it was then (what people read).
  'action.escalated': {
    fromGroupId: string | null;
    toGroupId: string;
    fromGroup: string | null;
    toGroup: string;
    note: string | null;
    level?: number;
    automatic: boolean;
  };
  'review_group.created': { name: string };
  'review_group.updated': { name: string; before: unknown; after: unknown };
  'review_group.member_added': { group: string; email: string };
  'review_group.member_removed': { group: string; email: string };
  'review_group.deleted': { name: string; members: string[] };
  'notification_channel.created': { name: string; kind: string; group: string | null; oversight?: string[] };
  'notification_channel.updated': { name: string; before: unknown; after: unknown };
  'notification_channel.tested': { name: string };
  // A channel gave up on a delivery after its last attempt (status code only, never the receiver's answer).
  'notification.delivery_failed': {
    channelId: string;
    channel: string;
    event: string;
    attempts: number;
    lastStatus: number | null;
  };
  // A reviewer who may decide opened the pending action's card (first time only): where their review clock starts.
  'action.opened': Record<string, never>;
  // People (issue 12): who changed whom; never a password, only that one was issued.
  'user.roles_changed': { email: string; before: string[]; after: string[] };
  'user.disabled': { email: string };
  'user.enabled': { email: string };
  'user.password_reset': { email: string; expiresAt: string };
  'user.password_changed': { email: string };
  'user.signed_out_everywhere': { email: string };
  // Agents managed in the product (lib/agents/update-agent.ts, archive-agent.ts): before/after of what changed.
  'agent.updated': { name: string; version: number; before: Record<string, unknown>; after: Record<string, unknown> };
  'agent.ownership_transferred': {
    name: string;
    version: number;
    from: { id: string; email: string };
    to: { id: string; email: string };
  };
  'agent.archived': {
    name: string;
    version: number;
    revokedKeys: string[];
    rejectedActions: number;
    blockedActions: number;
  };
  // An action still waiting when its agent was archived: pending → rejected, approved → blocked.
  'action.closed_agent_archived': { from: string; to: string; reason: string };
  // Admin floors and held grant changes (lib/floors, lib/grants): a loosening by an owner waits for an admin.
  'floor.set': { scope: string; before: number | null; after: number | null };
  'grant.change_held': {
    tool: string;
    changeRequestId: string;
    baseVersion: number;
    loosened: string[];
    before: unknown;
    after: unknown;
  };
  'grant.change_approved': { tool: string; changeRequestId: string; version: number; requestedBy: string };
  'grant.change_rejected': { tool: string; changeRequestId: string; note: string | null };
  'grant.change_stale': { tool: string; changeRequestId: string; baseVersion: number; version: number | null };
  // The tamper-evident chain (lib/audit/chain/). Started: the first sealed event; earlier events are sealed after it.
  'audit.chain_started': { earlierEvents: number };
  // The sealer found the chain not as it left it; a new segment follows, anchored in a signed checkpoint.
  'audit.chain_broken': { reason: string; headChainIndex: number | null; headSeq: number | null };
  // An instance runs with its sealer switched off (WARDEN_AUDIT_SEALER=off): its events wait for another sealer.
  'audit.chain_disabled': { instance: string };
  // A verification failed (recorded once per distinct first bad event).
  'audit.verification_failed': { firstBadSeq: number | null; afterSeq: number | null; problem: string };
  // Someone downloaded a filtered view of the log (lib/audit/export-audit-events.ts): which filter, which format.
  'audit.exported': { format: string; filter: Record<string, string> };
  // An evidence bundle was built (lib/evidence/build-evidence-bundle.ts): what it selected, how much, its manifest's hash.
  'evidence.exported': { selection: Record<string, unknown>; counts: Record<string, number>; manifestSha256: string };
  // Kill switches (issue 13 §1; the global stop keeps its own two events above). breakGlass: released from the CLI.
  'switch.engaged': {
    switchId: string;
    scope: string;
    agentId: string | null;
    toolName: string | null;
    effect: string;
    reason: string;
  };
  'switch.released': {
    switchId: string;
    scope: string;
    effect: string;
    reason: string;
    breakGlass: boolean;
    deadlinesMoved?: number;
  };
  'switch.engage_unchanged': { switchId: string; scope: string; effect: string; reason: string };
  // Drafts (lib/drafts/): a person promotes a draft (a new pending action, linked both ways) or discards it; a
  // promotion the gate refuses now is recorded on the draft with the gate's reasons.
  'draft.promoted': { promotedActionId: string; reasons: string[] };
  'action.promoted_from_draft': { draftId: string; tool: string; traceId: string; outcome: string; reasons: string[] };
  'draft.promotion_refused': { reasons: string[] };
  'draft.discarded': Record<string, never>;
  // Rollback (lib/rollback): a compensating proposal linked to the original (on both actions), a manual undo recorded
  // by a responder, an agent's grants restored as of an earlier time (each changed grant also has its grant.updated).
  'rollback.requested': { originalId: string; rollbackId: string; tool: string; outcome: string };
  'rollback.recorded_manually': { note: string };
  'grants.restored': { asOf: string; changed: string[] };
  // Incidents (lib/incidents): opened with its containment (switches engaged, agents paused, keys revoked, each also
  // audited on its own), notes, the manual fallback, closed with its resolution. `title`/`summary` read well in
  // oversight notifications; a note's body is for the audit log, not for channels.
  'incident.opened': {
    incidentId: string;
    title: string;
    severity: string;
    allAgents: boolean;
    agents: string[];
    windowStart: string;
    containment: string[];
    switchIds: string[];
    pausedAgents: string[];
    revokedKeys: number;
  };
  'incident.closed': { incidentId: string; title: string; summary: string; windowEnd: string };
  'incident.note_added': { incidentId: string; title: string; noteId: string; body: string };
  'incident.fallback_set': { incidentId: string; title: string; before: string; after: string };
  // The return to normal (lib/return-to-normal/): a request names its target (an incident, or the global stop) and
  // waits for ANOTHER admin before it expires; approving releases the target's switches and resumes the agents the
  // incident paused, in the approval's transaction. singleAdmin: the only active admin released alone, password again.
  'return_to_normal.requested': {
    requestId: string;
    incidentId: string | null;
    switchId: string | null;
    target: string;
    reason: string;
    expiresAt: string;
  };
  'return_to_normal.approved': {
    requestId: string;
    incidentId: string | null;
    switchId: string | null;
    target: string;
    reason: string;
    requestedBy: string | null;
    note: string | null;
    releasedSwitches: string[];
    resumedAgents: string[];
    stillPaused: string[];
  };
  'return_to_normal.rejected': {
    requestId: string;
    incidentId: string | null;
    switchId: string | null;
    target: string;
    reason: string;
    note: string | null;
  };
  'return_to_normal.cancelled': {
    requestId: string;
    incidentId: string | null;
    switchId: string | null;
    target: string;
    reason: string;
  };
  'return_to_normal.single_admin_released': {
    requestId: string;
    incidentId: string | null;
    switchId: string | null;
    target: string;
    reason: string;
    singleAdmin: true;
    releasedSwitches: string[];
    resumedAgents: string[];
    stillPaused: string[];
  };
  // Incident workbench (lib/incidents/mark-incident-actions.ts): a responder's mark on one action, and the mark it replaced.
  'incident.marked': { incidentId: string; mark: string; note: string; previous: string | null };
  // What a stop does to work (lib/policy/stop-coverage.ts): an approval refused because a block holds the action
  // (frozen), recorded so Controls can count what each switch refused; `reasons` name the switches.
  'action.approval_refused_frozen': { reasons: string[] };
  // MCP gateway (lib/mcp/): upstream servers (never their credentials), what a registration or refresh found, an
  // admin's decision on a found change, and Warden's own call of the upstream tool for an approved action.
  'mcp_server.registered': { serverId: string; name: string; url: string; found: number; status: string };
  'mcp_server.refreshed': {
    serverId: string;
    name: string;
    status: string;
    added: string[];
    changed: string[];
    removed: string[];
  };
  'mcp_tool.change_accepted': {
    serverId: string;
    upstreamName: string;
    kind: string;
    tool: string;
    actionLevel: string | null;
  };
  'mcp_tool.change_dismissed': { serverId: string; upstreamName: string; kind: string };
};

export type AuditEventType = keyof AuditPayloads;

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
};

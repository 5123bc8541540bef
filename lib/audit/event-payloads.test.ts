import { describe, expect, it } from 'vitest';
import { auditPayloadSchemas, type AuditPayloadInput } from './event-payloads';
import { AUDIT_EVENT_LABELS, type AuditEventType } from './event-types';

const rules = {
  approvals: 1,
  constraints: [{ kind: 'range', param: 'amount', max: 500, effect: 'review' }],
  rateLimit: null,
  maxCallsPerTrace: null,
  maxPending: null,
  expiresAt: null,
  environment: 'any',
  requireReason: false,
  requester: null,
  loop: null,
};
const target = {
  requestId: 'r1',
  incidentId: 'i1',
  switchId: null,
  target: 'incident "Refund storm"',
  reason: 'fixed',
};

/**
 * One payload per event type, as its writer builds it (the call site named beside it). Typed as writers are, so a
 * type without a sample, or a sample its writer could not send, fails tsc; each must read back.
 */
const REAL: { [T in AuditEventType]: AuditPayloadInput<T> } = {
  // lib/actions/plan-proposal.ts (the gate)
  'action.proposed': { tool: 'refund.issue', traceId: 'trace-1', requester: 'alice@example.com' },
  'action.params_invalid': { tool: 'refund.issue', issues: [{ path: 'amount', message: 'must be a number' }] },
  'gate.decided': { outcome: 'pending_review', reasons: ['amount 900 > 500: review'] },
  'gate.throttled': { tool: 'refund.issue', reasons: ['rate limit: 10 per 60 s'] },
  // lib/actions/record-review-decision.ts, claim-action.ts, expire-action.ts, report-action-result.ts
  'action.approved': { comment: null, override: 'admin approved their own agent' },
  'action.rejected': { comment: 'wrong customer' },
  'action.claimed': {},
  'action.expired': { deadline: '2026-12-06T08:00:00.000Z' },
  'action.claim_blocked': { reasons: ['global stop engaged: incident'] },
  'action.succeeded': { downstreamRef: 're_123' },
  'action.failed': { error: 'timeout', downstreamRef: null },
  'action.approval_recorded': { comment: null, approvals: 1, required: 2, group: 'finance' },
  'action.opened': {},
  'action.params_edited': {
    version: 2,
    changes: [
      { path: 'amount', before: 900, after: 400 },
      { path: 'note', after: 'capped' },
    ],
    paramsHash: 'sha256:abc',
    comment: 'capped',
  },
  'action.approvals_reset': { reason: 'parameters edited', count: 1 },
  'action.escalated': {
    fromGroupId: 'g1',
    toGroupId: 'g2',
    fromGroup: 'support',
    toGroup: 'finance',
    note: null,
    level: 1,
    automatic: true,
  },
  'action.closed_agent_archived': { from: 'pending_review', to: 'rejected', reason: 'agent archived' },
  'action.approval_refused_frozen': { reasons: ['block switch engaged: incident'] },
  // lib/mcp/register-mcp-server.ts, refresh-mcp-server.ts, review-mcp-tool-change.ts
  'mcp_server.registered': { serverId: 's1', name: 'crm', url: 'http://127.0.0.1:4100/mcp', found: 3, status: 'ok' },
  'mcp_server.refreshed': {
    serverId: 's1',
    name: 'crm',
    status: 'ok',
    added: ['tickets.close'],
    changed: [],
    removed: [],
  },
  'mcp_tool.change_accepted': {
    serverId: 's1',
    upstreamName: 'tickets.close',
    kind: 'added',
    tool: 'crm.tickets.close',
    actionLevel: 'update',
  },
  'mcp_tool.change_dismissed': { serverId: 's1', upstreamName: 'tickets.close', kind: 'changed' },
  // lib/backup/record-database-restored.ts (scripts/cli/backup-commands.ts)
  'database.restored': {
    backupFile: '/backups/warden-2026-12-06.db',
    replacedFileKeptAt: '/var/lib/warden/warden.db.before-restore-20261206T120000Z',
    actions: 120,
    auditEvents: 845,
    chainIndex: 840,
    appliedMigrations: [],
  },
  // lib/users/sign-in-with-oidc.ts
  'user.signed_in_sso': {
    email: 'r@example.com',
    subject: 'idp-sub-1',
    roles: ['reviewer'],
    oneTimePasswordVoided: false,
  },
  'user.sso_refused': { email: null, subject: 'idp-sub-2', reason: 'email_unverified' },
  // lib/agents/*
  'agent.created': {
    name: 'refund-bot',
    ownerId: 'u1',
    after: { name: 'refund-bot', purpose: 'refunds', environment: 'production', mode: 'live' },
  },
  'agent.paused': { reason: 'loop detected by the gate' },
  'agent.resumed': { returnToNormalRequestId: 'r1', incidentId: 'i1' },
  'agent.mode_changed': { from: 'live', to: 'draft_only' },
  'agent.requester_key_set': { issuer: 'https://idp.example.com', configured: true },
  'agent.updated': { name: 'refund-bot', version: 3, before: { purpose: 'a' }, after: { purpose: 'b' } },
  'agent.ownership_transferred': {
    name: 'refund-bot',
    version: 4,
    from: { id: 'u1', email: 'a@example.com' },
    to: { id: 'u2', email: 'b@example.com' },
  },
  'agent.archived': { name: 'refund-bot', version: 5, revokedKeys: ['wk_ab12'], rejectedActions: 1, blockedActions: 0 },
  'agent_key.created': { keyId: 'k1', prefix: 'wk_ab12', label: 'prod', expiresAt: null },
  'agent_key.revoked': { keyId: 'k1', prefix: 'wk_ab12' },
  'agent_key.rotated': { keyId: 'k2', prefix: 'wk_cd34', replacedKeyId: 'k1', oldKeyExpiresAt: '2026-12-07T00:00:00Z' },
  // lib/tools/*
  'tool.created': { name: 'refund.issue', actionLevel: 'external' },
  'tool.updated': { name: 'refund.issue', before: { description: 'a' }, after: { description: 'b' } },
  'tool.enabled': { name: 'refund.issue' },
  'tool.disabled': { name: 'refund.issue' },
  // lib/grants/*, lib/floors/set-approval-floor.ts, lib/rollback/restore-grants.ts
  'grant.created': { tool: 'refund.issue', version: 1, after: rules },
  'grant.updated': { tool: 'refund.issue', version: 2, before: rules, after: { ...rules, approvals: 2 } },
  'grant.revoked': { tool: 'refund.issue', before: rules },
  'grant.change_held': {
    tool: 'refund.issue',
    changeRequestId: 'c1',
    baseVersion: 2,
    loosened: ['fewer approvals: 2 → 1'],
    before: rules,
    after: rules,
  },
  'grant.change_approved': {
    tool: 'refund.issue',
    changeRequestId: 'c1',
    version: 3,
    requestedBy: 'owner@example.com',
  },
  'grant.change_rejected': { tool: 'refund.issue', changeRequestId: 'c1', note: null },
  'grant.change_stale': { tool: 'refund.issue', changeRequestId: 'c1', baseVersion: 2, version: 3 },
  'grants.restored': { asOf: '2026-12-01T00:00:00.000Z', changed: ['refund.issue'] },
  'floor.set': { scope: 'level:external', before: 1, after: 2 },
  // lib/kill-switches/*
  'switch.global_stop_engaged': { reason: 'incident' },
  'switch.global_stop_released': { reason: 'fixed', breakGlass: true, deadlinesMoved: 2 },
  'switch.engaged': {
    switchId: 's1',
    scope: 'agent',
    agentId: 'a1',
    toolName: null,
    effect: 'block',
    reason: 'refund storm',
  },
  'switch.released': { switchId: 's1', scope: 'agent', effect: 'block', reason: 'fixed', breakGlass: false },
  'switch.engage_unchanged': { switchId: 's1', scope: 'agent', effect: 'block', reason: 'again' },
  // lib/users/*
  'user.created': { email: 'r@example.com', roles: ['reviewer'] },
  'user.roles_changed': { email: 'r@example.com', before: ['reviewer'], after: ['reviewer', 'owner'] },
  'user.disabled': { email: 'r@example.com' },
  'user.enabled': { email: 'r@example.com' },
  'user.password_reset': { email: 'r@example.com', expiresAt: '2026-12-07T00:00:00.000Z' },
  'user.password_changed': { email: 'r@example.com' },
  'user.signed_out_everywhere': { email: 'r@example.com' },
  // lib/review-groups/*
  'review_group.created': { name: 'finance' },
  'review_group.updated': { name: 'finance', before: { name: 'fin' }, after: { name: 'finance' } },
  'review_group.member_added': { group: 'finance', email: 'r@example.com' },
  'review_group.member_removed': { group: 'finance', email: 'r@example.com' },
  'review_group.deleted': { name: 'finance', members: ['r@example.com'] },
  // lib/notifications/*
  'notification_channel.created': { name: 'ops', kind: 'slack', group: null, oversight: ['switches'] },
  'notification_channel.updated': { name: 'ops', before: { url: 'masked' }, after: { url: 'masked' } },
  'notification_channel.tested': { name: 'ops' },
  'notification.delivery_failed': {
    channelId: 'ch1',
    channel: 'ops',
    event: 'review_requested',
    attempts: 5,
    lastStatus: 500,
  },
  // lib/audit/chain/*, lib/audit/export-audit-events.ts, lib/evidence/build-evidence-bundle.ts
  'audit.chain_started': { earlierEvents: 12 },
  'audit.chain_broken': { reason: 'row 7 changed', headChainIndex: 6, headSeq: 7 },
  'audit.chain_disabled': { instance: 'web-2' },
  'audit.verification_failed': { firstBadSeq: 7, afterSeq: 6, problem: 'hash mismatch' },
  'audit.exported': { format: 'csv', filter: { agentId: 'a1', from: '2026-12-01T00:00:00.000Z' } },
  'evidence.exported': {
    selection: { agents: [{ id: 'a1', name: 'refund-bot' }], from: '2026-12-01T00:00:00.000Z', to: '2026-12-02' },
    counts: { actions: 3, auditEvents: 9 },
    manifestSha256: 'f00d',
  },
  // lib/drafts/*
  'draft.promoted': { promotedActionId: 'act2', reasons: ['promoted from a draft: review'] },
  'action.promoted_from_draft': {
    draftId: 'act1',
    tool: 'email.send',
    traceId: 'trace-1',
    outcome: 'pending_review',
    reasons: ['promoted from a draft: review'],
  },
  'draft.promotion_refused': { reasons: ['global stop engaged'] },
  'draft.discarded': {},
  // lib/rollback/*
  'rollback.requested': { originalId: 'act1', rollbackId: 'act2', tool: 'refund.reverse', outcome: 'pending_review' },
  'rollback.recorded_manually': { note: 'reversed in the PSP' },
  // lib/incidents/*
  'incident.opened': {
    incidentId: 'i1',
    title: 'Refund storm',
    severity: 'high',
    allAgents: false,
    agents: ['refund-bot'],
    windowStart: '2026-12-06T07:00:00.000Z',
    containment: ['pause'],
    switchIds: [],
    pausedAgents: ['refund-bot'],
    revokedKeys: 0,
  },
  'incident.closed': { incidentId: 'i1', title: 'Refund storm', summary: 'fixed', windowEnd: '2026-12-06T09:00:00Z' },
  'incident.note_added': { incidentId: 'i1', title: 'Refund storm', noteId: 'n1', body: 'looking' },
  'incident.fallback_set': { incidentId: 'i1', title: 'Refund storm', before: '', after: 'refund by hand' },
  'incident.marked': { incidentId: 'i1', mark: 'needs_follow_up', note: '', previous: null },
  // lib/return-to-normal/*
  'return_to_normal.requested': { ...target, expiresAt: '2026-12-06T10:00:00.000Z' },
  'return_to_normal.approved': {
    ...target,
    requestedBy: 'admin@example.com',
    note: null,
    releasedSwitches: ['s1'],
    resumedAgents: ['refund-bot'],
    stillPaused: [],
  },
  'return_to_normal.rejected': { ...target, note: 'not yet' },
  'return_to_normal.cancelled': target,
  'return_to_normal.single_admin_released': {
    ...target,
    singleAdmin: true,
    releasedSwitches: ['s1'],
    resumedAgents: [],
    stillPaused: [],
  },
};

const TYPES = Object.keys(AUDIT_EVENT_LABELS) as AuditEventType[];

/** The same field with a value of another kind: a string for a number, a number for a string, … */
function wrongKind(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'not a list';
  if (value === null) return {};
  return undefined; // objects are recorded snapshots (any shape): no wrong kind to try
}

describe('audit payload schemas', () => {
  it('has a schema and a label for every event type, and nothing else', () => {
    expect(Object.keys(auditPayloadSchemas).sort()).toEqual([...TYPES].sort());
  });

  it.each(TYPES)('%s: the payload its writer records parses, unchanged', (type) => {
    const recorded: unknown = JSON.parse(JSON.stringify(REAL[type]));
    const result = auditPayloadSchemas[type].safeParse(recorded);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.data).toEqual(recorded);
  });

  it.each(TYPES)('%s: a payload with a key its writer never records does not parse', (type) => {
    expect(auditPayloadSchemas[type].safeParse({ ...REAL[type], unexpected: 'x' }).success).toBe(false);
  });

  it.each(TYPES.filter((type) => Object.keys(REAL[type]).length > 0))(
    '%s: each field of the wrong kind does not parse',
    (type) => {
      const real = REAL[type] as Record<string, unknown>;
      const tried = Object.entries(real).flatMap(([key, value]) => {
        const wrong = wrongKind(value);
        return wrong === undefined
          ? []
          : [{ key, parsed: auditPayloadSchemas[type].safeParse({ ...real, [key]: wrong }) }];
      });
      expect(tried.length).toBeGreaterThan(0);
      expect(tried.filter(({ parsed }) => parsed.success).map(({ key }) => key)).toEqual([]);
    },
  );

  it('reads payloads recorded before a field existed (optional fields added later)', () => {
    expect(auditPayloadSchemas['switch.global_stop_engaged'].safeParse({}).success).toBe(true);
    expect(auditPayloadSchemas['switch.global_stop_released'].safeParse({}).success).toBe(true);
    expect(auditPayloadSchemas['agent.resumed'].safeParse({}).success).toBe(true);
    expect(auditPayloadSchemas['action.approved'].safeParse({ comment: null }).success).toBe(true);
  });
});

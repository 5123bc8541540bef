import type { AuditEventType } from '../../audit/event-types';

/**
 * The timeline's kinds of event, as a responder asks for them ("show me the decisions"), each a fixed list of audit
 * event types. Client-safe. An event type in none of them still shows under "All", as "other".
 */
export const TIMELINE_CATEGORIES = {
  proposals: [
    'action.proposed',
    'action.params_invalid',
    'gate.decided',
    'gate.throttled',
    'action.promoted_from_draft',
    'draft.promoted',
    'draft.discarded',
    'draft.promotion_refused',
  ],
  decisions: [
    'action.opened',
    'action.approval_recorded',
    'action.approved',
    'action.rejected',
    'action.params_edited',
    'action.approvals_reset',
    'action.escalated',
    'action.expired',
    'action.closed_agent_archived',
  ],
  claims: ['action.claimed', 'action.claim_blocked'],
  results: ['action.succeeded', 'action.failed'],
  rollbacks: ['rollback.requested', 'rollback.recorded_manually', 'grants.restored'],
  switches: [
    'switch.engaged',
    'switch.released',
    'switch.engage_unchanged',
    'switch.global_stop_engaged',
    'switch.global_stop_released',
    'agent.paused',
    'agent.resumed',
    'agent.mode_changed',
    'agent.archived',
    'tool.enabled',
    'tool.disabled',
  ],
  keys: ['agent_key.created', 'agent_key.revoked', 'agent_key.rotated', 'agent.requester_key_set'],
  grants: [
    'grant.created',
    'grant.updated',
    'grant.revoked',
    'grant.change_held',
    'grant.change_approved',
    'grant.change_rejected',
    'grant.change_stale',
  ],
} as const satisfies Record<string, readonly AuditEventType[]>;

export type TimelineCategory = keyof typeof TIMELINE_CATEGORIES;

export const TIMELINE_CATEGORY_LABELS: Record<TimelineCategory, string> = {
  proposals: 'Proposals and gate',
  decisions: 'Decisions',
  claims: 'Claims',
  results: 'Results',
  rollbacks: 'Rollbacks',
  switches: 'Switches and pauses',
  keys: 'Key changes',
  grants: 'Grant changes',
};

/** Events that concern every agent (no agentId on the row) and still belong on an incident's timeline. */
export const WORKSPACE_WIDE_TYPES: readonly string[] = [
  'switch.engaged',
  'switch.released',
  'switch.engage_unchanged',
  'switch.global_stop_engaged',
  'switch.global_stop_released',
  'tool.enabled',
  'tool.disabled',
  'tool.updated',
];

/** Decision events by a person: "who approved what, how fast". */
export const DECISION_TYPES: readonly string[] = ['action.approved', 'action.rejected', 'action.approval_recorded'];

export function categoryOf(type: string): TimelineCategory | 'other' {
  for (const [category, types] of Object.entries(TIMELINE_CATEGORIES) as [TimelineCategory, readonly string[]][]) {
    if (types.includes(type)) return category;
  }
  return 'other';
}

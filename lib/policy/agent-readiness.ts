import { isWriteLevel, type ActionLevel } from './action-levels';

/**
 * The recovery plan, checked: an agent's configuration against the security practice's eight areas. Pure: the
 * facts are gathered by lib/agents/get-agent-readiness.ts; this only judges them, so every gap and every good signal
 * is table-tested. A gap names what is missing in words and where to fix it; an area with no gap shows its signal.
 */

export const READINESS_AREAS = [
  'purpose',
  'identity',
  'permissions',
  'tools',
  'validation',
  'approval',
  'audit',
  'recovery',
] as const;
export type ReadinessArea = (typeof READINESS_AREAS)[number];

export const READINESS_AREA_LABELS: Record<ReadinessArea, string> = {
  purpose: 'Purpose',
  identity: 'Identity',
  permissions: 'Permissions',
  tools: 'Tools',
  validation: 'Validation',
  approval: 'Approval',
  audit: 'Audit',
  recovery: 'Recovery',
};

/** Keys older than this are a gap: the practice asks for rotation. */
export const KEY_MAX_AGE_DAYS = 90;

export type RollbackDeclaration = 'none' | 'manual' | 'compensating';

export type ReadinessGrant = {
  id: string;
  toolId: string;
  toolName: string;
  actionLevel: ActionLevel;
  /** Distinct reviewers needed; 0 = none. */
  approvals: number;
  constraintCount: number;
  /** At least one constraint forces review (a person looks at some calls even with approvals = 0). */
  hasReviewConstraint: boolean;
  maxPending: number | null;
  rateLimitCount: number | null;
  /** Groups the grant asks for reviews from: required groups, the review group and the escalation ladder's. */
  reviewerGroupIds: string[];
  /** How the tool's effects are undone; undefined = not declared. */
  rollback?: RollbackDeclaration;
};

export type ReadinessFacts = {
  agentId: string;
  purpose: string;
  ownerName: string;
  ownerDisabled: boolean;
  shutoffContact: string;
  monitoringNote: string;
  manualFallback: string;
  /** The keys that still work (not revoked, not expired). */
  activeKeys: { prefix: string; createdAt: Date }[];
  requesterKeyConfigured: boolean;
  grants: ReadinessGrant[];
  /** Enabled notification channels; groupId null = every review notification. */
  channels: { name: string; groupId: string | null }[];
  /** Reviewer group names by id, to name an uncovered group. */
  groupNames: Record<string, string>;
  activeAdmins: number;
  now: Date;
};

export type ReadinessGap = { text: string; href: string };
export type ReadinessRow = {
  area: ReadinessArea;
  label: string;
  ok: boolean;
  signal: string | null;
  gaps: ReadinessGap[];
};
export type AgentReadiness = { rows: ReadinessRow[]; okCount: number; total: number };

const DAY_MS = 24 * 60 * 60 * 1000;

export function assessAgentReadiness(facts: ReadinessFacts): AgentReadiness {
  const agentPage = `/agents/${facts.agentId}`;
  const writes = facts.grants.filter((grant) => isWriteLevel(grant.actionLevel));
  const grantHref = (grant: ReadinessGrant) => `${agentPage}/grants/${grant.id}`;
  const listGaps = (grants: ReadinessGrant[], text: string): ReadinessGap[] =>
    grants.length === 0
      ? []
      : [
          {
            text: `${text}: ${names(grants)}`,
            href: grants.length === 1 && grants[0] ? grantHref(grants[0]) : `${agentPage}#agent-grants`,
          },
        ];

  const checks: Record<ReadinessArea, { gaps: ReadinessGap[]; signal: string }> = {
    purpose: {
      gaps: [
        ...(facts.purpose.trim() ? [] : [{ text: 'no purpose recorded', href: `${agentPage}#agent-edit` }]),
        ...(facts.ownerDisabled
          ? [{ text: `its owner, ${facts.ownerName}, is disabled: nobody answers for it`, href: '/users' }]
          : []),
      ],
      signal: `Purpose recorded; ${facts.ownerName} answers for it`,
    },
    identity: identity(facts, agentPage),
    permissions: {
      gaps: listGaps(
        writes.filter((grant) => grant.rateLimitCount === null && grant.maxPending === null),
        'write tools without a rate limit or pending cap',
      ),
      signal:
        writes.length === 0 ? 'No write tools granted' : 'Every write tool is bounded by a rate limit or a pending cap',
    },
    tools: {
      gaps: writes
        .filter((grant) => grant.rollback === undefined)
        .map((grant) => ({
          text: `${grant.actionLevel} tool \`${grant.toolName}\` has no rollback declared`,
          href: `/tools/${grant.toolId}`,
        })),
      signal: writes.length === 0 ? 'No write tools to undo' : 'Every write tool declares how its effects are undone',
    },
    validation: {
      gaps: listGaps(
        writes.filter((grant) => grant.constraintCount === 0),
        'write tools without parameter rules',
      ),
      signal: writes.length === 0 ? 'No write tools granted' : 'Every write tool checks its parameters against rules',
    },
    approval: {
      gaps: listGaps(
        writes.filter((grant) => grant.approvals === 0),
        'write tools without approval',
      ),
      signal: writes.length === 0 ? 'No write tools granted' : 'Every write tool needs a person’s approval',
    },
    audit: audit(facts, agentPage),
    recovery: {
      gaps: [
        ...(facts.shutoffContact.trim() ? [] : [{ text: 'no shutoff contact', href: `${agentPage}#agent-edit` }]),
        ...(facts.manualFallback.trim() ? [] : [{ text: 'no manual fallback text', href: `${agentPage}#agent-edit` }]),
        ...(facts.activeAdmins >= 2
          ? []
          : [
              {
                text:
                  facts.activeAdmins === 1
                    ? 'only one admin: return to normal cannot have a second approver'
                    : 'no active admin: nobody can approve the return to normal',
                href: '/users',
              },
            ]),
      ],
      signal: `Shutoff contact, manual fallback and ${facts.activeAdmins} admins for the return to normal`,
    },
  };

  const rows = READINESS_AREAS.map((area): ReadinessRow => {
    const { gaps, signal } = checks[area];
    return {
      area,
      label: READINESS_AREA_LABELS[area],
      ok: gaps.length === 0,
      signal: gaps.length === 0 ? signal : null,
      gaps,
    };
  });
  return { rows, okCount: rows.filter((row) => row.ok).length, total: rows.length };
}

function identity(facts: ReadinessFacts, agentPage: string) {
  const keys = `${agentPage}#agent-keys`;
  const old = facts.activeKeys.filter(
    (key) => facts.now.getTime() - key.createdAt.getTime() > KEY_MAX_AGE_DAYS * DAY_MS,
  );
  const gaps: ReadinessGap[] = [
    ...(facts.activeKeys.length === 0 ? [{ text: 'no active key: the agent cannot call Warden', href: keys }] : []),
    ...(old.length > 0
      ? [{ text: `keys older than ${KEY_MAX_AGE_DAYS} days: ${old.map((key) => key.prefix).join(', ')}`, href: keys }]
      : []),
    ...(facts.requesterKeyConfigured
      ? []
      : [{ text: 'no requester verification', href: `${agentPage}#agent-requester-key` }]),
  ];
  const count = facts.activeKeys.length;
  return {
    gaps,
    signal: `${count} active ${count === 1 ? 'key' : 'keys'} under ${KEY_MAX_AGE_DAYS} days old; requesters verified by signature`,
  };
}

/** A grant whose calls a person may review: approvals, or a constraint that forces review. */
function reviewed(grant: ReadinessGrant): boolean {
  return grant.approvals > 0 || grant.hasReviewConstraint;
}

function audit(facts: ReadinessFacts, agentPage: string) {
  const gaps: ReadinessGap[] = facts.monitoringNote.trim()
    ? []
    : [{ text: 'no monitoring note', href: `${agentPage}#agent-edit` }];
  const everyone = facts.channels.some((channel) => channel.groupId === null);
  const needsReview = facts.grants.filter(reviewed);
  // Same rule as the notifier: a channel hears events for its group, a channel without a group hears all of them.
  const needsGroups = [...new Set(needsReview.flatMap((grant) => grant.reviewerGroupIds))];
  const uncovered = everyone
    ? []
    : needsGroups.filter((groupId) => !facts.channels.some((channel) => channel.groupId === groupId));
  const ungrouped = needsReview.some((grant) => grant.reviewerGroupIds.length === 0);
  if (needsReview.length > 0 && facts.channels.length === 0) {
    gaps.push({ text: 'no notification channel for its reviewers', href: '/notifications' });
  } else if ((ungrouped && !everyone) || uncovered.length > 0) {
    const missing = [
      ...(ungrouped && !everyone ? ['every reviewer'] : []),
      ...uncovered.map((id) => facts.groupNames[id] ?? id),
    ];
    gaps.push({ text: `no notification channel for its reviewers: ${missing.join(', ')}`, href: '/notifications' });
  }
  const channelSignal =
    needsReview.length === 0
      ? 'nothing it does waits for review'
      : `reviewers notified on ${facts.channels.map((channel) => channel.name).join(', ')}`;
  return { gaps, signal: `Monitoring recorded; ${channelSignal}` };
}

function names(grants: ReadinessGrant[]): string {
  return grants.map((grant) => grant.toolName).join(', ');
}

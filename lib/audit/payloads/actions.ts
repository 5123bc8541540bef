import { z } from 'zod';
import type { AuditEventType } from '../event-types';
import { text, nullableText, texts, none } from './fields';

/**
 * Actions through their life: the gate's decision, review, claim and result; drafts promoted or discarded; rollback
 * proposals (lib/actions/, lib/drafts/, lib/rollback/).
 */
export const actionPayloads = {
  'action.proposed': z.strictObject({ tool: text, traceId: text, requester: nullableText }),
  'action.params_invalid': z.strictObject({
    tool: text,
    issues: z.array(z.strictObject({ path: text, message: text })),
  }),
  'gate.decided': z.strictObject({ outcome: text, reasons: texts }),
  'action.approved': z.strictObject({ comment: nullableText, override: text.optional() }),
  'action.rejected': z.strictObject({ comment: nullableText }),
  'action.claimed': none,
  'action.expired': z.strictObject({ deadline: text }),
  'action.claim_blocked': z.strictObject({ reasons: texts }),
  'action.succeeded': z.strictObject({ downstreamRef: nullableText }),
  'action.failed': z.strictObject({ error: nullableText, downstreamRef: nullableText }),
  'gate.throttled': z.strictObject({ tool: text, reasons: texts }),
  'action.approval_recorded': z.strictObject({
    comment: nullableText,
    approvals: z.number(),
    required: z.number(),
    group: text.optional(),
    override: text.optional(),
  }),
  // A reviewer changed the parameters before approving: a new version; the agent receives it at claim.
  'action.params_edited': z.strictObject({
    version: z.number(),
    // before/after left out of the JSON where the parameter was absent on that side (lib/policy/diff-params.ts).
    changes: z.array(z.strictObject({ path: text, before: z.unknown().optional(), after: z.unknown().optional() })),
    paramsHash: text,
    comment: nullableText,
  }),
  // Earlier approvals were given to other parameters; an edit voids them.
  'action.approvals_reset': z.strictObject({ reason: text, count: z.number() }),
  // Handed to another reviewer group, by a person (with a note) or by the grant's escalation ladder.
  // Groups by id (what the notifier routes on) and by name as it was then (what people read).
  'action.escalated': z.strictObject({
    fromGroupId: nullableText,
    toGroupId: text,
    fromGroup: nullableText,
    toGroup: text,
    note: nullableText,
    level: z.number().optional(),
    automatic: z.boolean(),
  }),
  // A reviewer who may decide opened the pending action's card (first time only): where their review clock starts.
  'action.opened': none,
  // An action still waiting when its agent was archived: pending → rejected, approved → blocked.
  'action.closed_agent_archived': z.strictObject({ from: text, to: text, reason: text }),
  // Drafts (lib/drafts/): a person promotes a draft (a new pending action, linked both ways) or discards it; a
  // promotion the gate refuses now is recorded on the draft with the gate's reasons.
  'draft.promoted': z.strictObject({ promotedActionId: text, reasons: texts }),
  'action.promoted_from_draft': z.strictObject({
    draftId: text,
    tool: text,
    traceId: text,
    outcome: text,
    reasons: texts,
  }),
  'draft.promotion_refused': z.strictObject({ reasons: texts }),
  'draft.discarded': none,
  // Rollback (lib/rollback): a compensating proposal linked to the original (on both actions), a manual undo recorded
  // by a responder (an agent's grants restored as of an earlier time: grants.restored, in tools-and-grants.ts).
  'rollback.requested': z.strictObject({ originalId: text, rollbackId: text, tool: text, outcome: text }),
  'rollback.recorded_manually': z.strictObject({ note: text }),
  // What a stop does to work (lib/policy/stop-coverage.ts): an approval refused because a block holds the action
  // (frozen), recorded so Controls can count what each switch refused; `reasons` name the switches.
  'action.approval_refused_frozen': z.strictObject({ reasons: texts }),
} satisfies Partial<Record<AuditEventType, z.ZodType>>;

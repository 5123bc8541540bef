import type { Actor } from '../auth/actor';
import { auditEventsStatement } from '../audit/record-audit-event';
import type { Sql } from '../db/engine';
import { sql } from '../db/sql-runner';
import { uuidV7 } from '../ids/time-ordered-id';
import { insertActionStatement, type NewAction } from '../gate/insert-action';
import type { loadGateFacts } from '../gate/load-gate-facts';
import type { ActionLevel } from '../policy/action-levels';
import { decideProposal } from '../policy/decide-proposal';
import { riskColumns } from '../review/risk-columns';
import { validateParams } from '../tools/validate-params';

/** What a promotion copies from its draft: the new action's columns that the draft already holds. */
export type PromotedDraft = Pick<
  NewAction,
  | 'id'
  | 'agentId'
  | 'toolName'
  | 'params'
  | 'paramsHash'
  | 'reason'
  | 'sources'
  | 'requester'
  | 'requesterVerified'
  | 'traceId'
  | 'currentValues'
>;

export type PromotionPlan =
  | { kind: 'refused'; reasons: string[]; writes: Sql[] }
  | { kind: 'queued'; id: string; reasons: string[]; writes: Sql[] };

/** Why an action the grant would let through on its own still waits for a person. */
export const PROMOTION_REVIEW_REASON = 'review: promoted from a draft: a person asked for it to be reviewed';

/**
 * A draft's promotion decided by the gate's own pure policy on the facts as they are NOW, as the rows to write.
 * The one difference from a proposal: the agent's draft-only mode is what made the draft, and a person asking for
 * review is what it waits for, so the decision is taken as for a live agent. Everything else holds: a stop, a pause,
 * a disabled tool, a revoked or expired grant, a block rule, a cap, parameters the tool no longer accepts all refuse
 * the promotion with their reasons. Whatever the grant says, the promoted action waits for review: a promotion
 * never approves anything by itself. Reads and writes nothing.
 */
export function planPromotion(
  actor: Actor,
  draft: PromotedDraft,
  loaded: Awaited<ReturnType<typeof loadGateFacts>>,
  now: number,
): PromotionPlan {
  const { facts, tool } = loaded;
  const live = { ...facts, agent: { ...facts.agent, mode: 'live' } };
  const asDecided = decideProposal(live);
  // Where the grant would approve on its own, the action still queues: decided as a grant asking for one approval,
  // so the pending cap that protects reviewers holds for it too.
  const decision =
    asDecided.outcome === 'approved' && live.grant
      ? decideProposal({ ...live, grant: { ...live.grant, approvals: 1 } })
      : asDecided;
  const refs = { actor, agentId: draft.agentId };
  const refuse = (reasons: string[]): PromotionPlan => ({
    kind: 'refused',
    reasons,
    writes: [
      auditEventsStatement([{ ...refs, actionId: draft.id, type: 'draft.promotion_refused', payload: { reasons } }]),
    ],
  });

  if (decision.outcome === 'blocked' || decision.outcome === 'throttled') return refuse(decision.reasons);
  const params = JSON.parse(draft.params) as Record<string, unknown>;
  const issues = tool ? validateParams(tool.parameters, params) : [];
  if (issues.length > 0) return refuse(issues.map((issue) => `invalid: ${issue.path} ${issue.message}`));

  const reasons = asDecided.outcome === 'pending_review' ? asDecided.reasons : [PROMOTION_REVIEW_REASON];
  const id = uuidV7(now);
  const risk = riskColumns({
    actionLevel: (tool?.actionLevel as ActionLevel | undefined) ?? null,
    gateReasons: reasons,
    params,
    reason: draft.reason,
    sources: JSON.parse(draft.sources) as unknown[],
    requester: draft.requester,
    requesterVerified: draft.requesterVerified,
    currentValues: draft.currentValues ? (JSON.parse(draft.currentValues) as Record<string, unknown>) : null,
  });
  const at = new Date(now);
  const writes = [
    insertActionStatement({
      id,
      agentId: draft.agentId,
      toolId: tool?.id ?? null,
      toolName: draft.toolName,
      params: draft.params,
      paramsHash: draft.paramsHash,
      reason: draft.reason,
      sources: draft.sources,
      requester: draft.requester,
      requesterVerified: draft.requesterVerified,
      traceId: draft.traceId,
      status: 'pending_review',
      approvalsRequired: Math.max(decision.approvalsRequired, 1),
      approvedParamsHash: null,
      gateReasons: JSON.stringify(reasons),
      expiresAt: new Date(now + (facts.grant?.reviewTimeoutMinutes ?? 60) * 60_000),
      requiredGroups: JSON.stringify(facts.grant?.requiredGroups ?? []),
      assignedGroupId: facts.grant?.reviewGroupId ?? null,
      currentValues: draft.currentValues,
      ...risk,
    }),
    sql`UPDATE "Action" SET "promotedFromId" = ${draft.id} WHERE "id" = ${id}`,
    sql`UPDATE "Action" SET "promotedActionId" = ${id}, "updatedAt" = ${at} WHERE "id" = ${draft.id}`,
    auditEventsStatement([
      { ...refs, actionId: draft.id, type: 'draft.promoted', payload: { promotedActionId: id, reasons } },
      {
        ...refs,
        actionId: id,
        type: 'action.promoted_from_draft',
        payload: {
          draftId: draft.id,
          tool: draft.toolName,
          traceId: draft.traceId,
          outcome: 'pending_review',
          reasons,
        },
      },
      { ...refs, actionId: id, type: 'gate.decided', payload: { outcome: 'pending_review', reasons } },
    ]),
  ];
  return { kind: 'queued', id, reasons, writes };
}

import { assertCan, type Actor } from '../auth/actor';
import { inTransaction, sql } from '../db/sql-runner';
import { WardenError } from '../errors';
import { loadGateFacts } from '../gate/load-gate-facts';
import { recordProposal } from '../gate/record-proposal';
import { notifyActionChanged } from '../realtime/action-changes';
import { assertCanHandleDraft, draftFateConflict } from './can-handle-draft';
import { loadDraft } from './load-draft';
import { planPromotion } from './plan-promotion';
import { draftIdSchema, type DraftIdInput } from './schemas';

/**
 * Promote a draft: a NEW pending action with the draft's parameters (same params hash), decided by the gate's
 * current rules (plan-promotion.ts) and linked both ways; the draft stays `draft` and records its fate. One
 * transaction: the gate's facts are read in it, the draft's fate is a compare-and-set (of two people promoting at
 * once, one queues an action, the other gets a 409 naming the fate), and the audit events go with the rows.
 * A promotion the gate refuses writes only its refusal and throws a 409 with the gate's reasons.
 */
export async function promoteDraft(
  actor: Actor,
  input: DraftIdInput,
): Promise<{ id: string; status: 'pending_review'; reasons: string[] }> {
  assertCan(actor, 'actions.read');
  const { draftId } = draftIdSchema.parse(input);
  const draft = await loadDraft(draftId);
  assertCanHandleDraft(actor, draft.agent);
  if (draft.draftFate) throw draftFateConflict(draft.draftFate, draft.promotedActionId);

  const now = Date.now();
  const outcome = await inTransaction(async (runner) => {
    const loaded = await loadGateFacts(runner, {
      agentId: draft.agentId,
      tool: draft.toolName,
      params: JSON.parse(draft.params) as Record<string, unknown>,
      reason: draft.reason,
      traceId: draft.traceId,
      paramsHash: draft.paramsHash,
      now,
    });
    const plan = planPromotion(actor, draft, loaded, now);
    if (plan.kind === 'refused') {
      await recordProposal({ writes: plan.writes, pauseAgent: null }, { runner });
      return plan;
    }
    const fated = await runner.execute(sql`
      UPDATE "Action" SET "draftFate" = 'promoted', "draftFateById" = ${actor.id}, "draftFateAt" = ${new Date(now)}
      WHERE "id" = ${draft.id} AND "status" = 'draft' AND "draftFate" IS NULL`);
    if (fated !== 1) return { kind: 'raced' as const };
    await recordProposal({ writes: plan.writes, pauseAgent: null }, { runner });
    return plan;
  });

  if (outcome.kind === 'raced') {
    const current = await loadDraft(draft.id);
    throw draftFateConflict(current.draftFate ?? 'decided', current.promotedActionId);
  }
  if (outcome.kind === 'refused') {
    throw new WardenError('conflict', `The gate refuses this promotion now: ${outcome.reasons.join('; ')}.`, {
      reasons: outcome.reasons,
    });
  }
  notifyActionChanged(outcome.id);
  notifyActionChanged(draft.id);
  return { id: outcome.id, status: 'pending_review', reasons: outcome.reasons };
}

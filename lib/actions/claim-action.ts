import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-event';
import { inTransaction, type SqlRunner } from '../db/sql-runner';
import { WardenError } from '../errors';
import { toGrantPolicy } from '../grants/to-grant-policy';
import { holdSwitchesSteady, readEngagedSwitches } from '../kill-switches/global-stop';
import type { ActionLevel } from '../policy/action-levels';
import { claimBlockers } from '../policy/decide-proposal';
import { applicableSwitches } from '../policy/switch-effects';
import { notifyActionChanged } from '../realtime/action-changes';
import type { ActionView } from './action-view';
import { readActionView } from './read-action-view';
import { readClaimFacts } from './read-claim-facts';
import { claimActionSchema, type ClaimActionInput } from './schemas';
import { transitionAction } from './transition-action';

/**
 * approved → executing, for the agent that proposed it. The stop, the pause, the tool and the grant are checked
 * again now, in the same transaction as the move: approval earlier does not outlive a stop pressed since.
 * A claim that is refused for those reasons blocks the action for good (fail closed); the agent may propose anew.
 * On the hot path's transaction (lib/db/sql-runner.ts): every executed action is claimed once.
 */
export async function claimAction(actor: Actor, actionId: string, input: ClaimActionInput = {}): Promise<ActionView> {
  assertCan(actor, 'actions.execute');
  const claim = claimActionSchema.parse(input);
  const outcome = await inTransaction(async (runner) => {
    // On PostgreSQL, first: a stop engaged from here on waits for this claim (lib/kill-switches/global-stop.ts).
    await holdSwitchesSteady(runner);
    const facts = await readClaimFacts(runner, actionId, actor.id);
    if (!facts) return { kind: 'missing' as const };
    const { action, gate } = facts;
    if (action.status !== 'approved') return { kind: 'conflict' as const, status: action.status };
    // The approval covers these exact parameters and nothing else.
    if (
      action.approvedParamsHash !== action.paramsHash ||
      (claim.paramsHash && claim.paramsHash !== action.paramsHash)
    ) {
      return { kind: 'mismatch' as const };
    }

    const toolName = gate.tool?.name ?? null;
    const blockers = claimBlockers({
      now: Date.now(),
      globalStop: gate.globalStop,
      globalStopReason: gate.globalStopReason,
      switches: applicableSwitches(await readEngagedSwitches(runner, actor.id), actor.id, toolName),
      agent: gate.agent,
      tool: gate.tool && {
        name: gate.tool.name,
        actionLevel: gate.tool.actionLevel as ActionLevel,
        enabled: gate.tool.enabled,
      },
      grant: toGrantPolicy(gate.grant),
    });
    const refs = { actor, actionId, agentId: actor.id };
    if (blockers.length > 0) {
      const moved = await transitionAction(runner, {
        id: actionId,
        from: 'approved',
        to: 'blocked',
        changes: { decisionReason: `blocked at claim: ${blockers.join('; ')}` },
      });
      if (!moved) return { kind: 'conflict' as const, status: await currentStatus(runner, actionId) };
      await recordAuditEvents(runner, [{ ...refs, type: 'action.claim_blocked', payload: { reasons: blockers } }]);
      return { kind: 'blocked' as const, reasons: blockers };
    }
    if (!(await transitionAction(runner, { id: actionId, from: 'approved', to: 'executing' })))
      return { kind: 'conflict' as const, status: await currentStatus(runner, actionId) };
    await recordAuditEvents(runner, [{ ...refs, type: 'action.claimed', payload: {} }]);
    return { kind: 'claimed' as const, view: (await readActionView(runner, actionId))!.view };
  });

  switch (outcome.kind) {
    case 'missing':
      throw new WardenError('not_found', 'No such action.');
    case 'conflict':
      throw new WardenError('conflict', `The action cannot be claimed: it is ${outcome.status}.`, {
        status: outcome.status,
      });
    case 'mismatch':
      throw new WardenError('conflict', 'The parameters do not match the ones that were approved.', {
        status: 'approved',
        reason: 'params_mismatch',
      });
    case 'blocked':
      notifyActionChanged(actionId);
      throw new WardenError('conflict', `The action was blocked at claim: ${outcome.reasons.join('; ')}.`, {
        status: 'blocked',
        reasons: outcome.reasons,
      });
    case 'claimed':
      notifyActionChanged(actionId);
      return outcome.view;
  }
}

async function currentStatus(runner: SqlRunner, actionId: string): Promise<string> {
  const found = await readActionView(runner, actionId);
  return found ? found.view.status : 'gone';
}

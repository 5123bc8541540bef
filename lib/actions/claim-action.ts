import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { holdSwitchesSteady, readEngagedSwitchesInTx, readGlobalStop } from '../kill-switches/global-stop';
import { applicableSwitches } from '../policy/switch-effects';
import type { ActionLevel } from '../policy/action-levels';
import { claimBlockers } from '../policy/decide-proposal';
import { toGrantPolicy } from '../grants/to-grant-policy';
import { notifyActionChanged } from '../realtime/action-changes';
import { toActionView, type ActionView } from './action-view';
import { claimActionSchema, type ClaimActionInput } from './schemas';
import { transitionAction } from './transition-action';

/**
 * approved → executing, for the agent that proposed it. The stop, the pause, the tool and the grant are checked
 * again now, in the same transaction as the move: approval earlier does not outlive a stop pressed since.
 * A claim that is refused for those reasons blocks the action for good (fail closed); the agent may propose anew.
 */
export async function claimAction(actor: Actor, actionId: string, input: ClaimActionInput = {}): Promise<ActionView> {
  assertCan(actor, 'actions.execute');
  const claim = claimActionSchema.parse(input);
  const outcome = await db().$transaction(async (tx) => {
    const action = await tx.action.findFirst({ where: { id: actionId, agentId: actor.id } });
    if (!action) return { kind: 'missing' as const };
    if (action.status !== 'approved') return { kind: 'conflict' as const, status: action.status };
    // The approval covers these exact parameters and nothing else.
    if (
      action.approvedParamsHash !== action.paramsHash ||
      (claim.paramsHash && claim.paramsHash !== action.paramsHash)
    ) {
      return { kind: 'mismatch' as const };
    }

    // One connection per transaction: the reads go one after another (PostgreSQL's driver refuses overlapping queries).
    await holdSwitchesSteady(tx);
    const globalStop = await readGlobalStop(tx);
    const agent = await tx.agent.findUniqueOrThrow({
      where: { id: actor.id },
      select: { status: true, mode: true, environment: true },
    });
    const tool = action.toolId ? await tx.tool.findUnique({ where: { id: action.toolId } }) : null;
    const switches = applicableSwitches(await readEngagedSwitchesInTx(tx, actor.id), actor.id, tool?.name ?? null);
    const grant = action.toolId
      ? await tx.grant.findUnique({ where: { agentId_toolId: { agentId: actor.id, toolId: action.toolId } } })
      : null;
    const blockers = claimBlockers({
      now: Date.now(),
      globalStop: globalStop.engaged,
      globalStopReason: globalStop.reason,
      switches,
      agent,
      tool: tool && { name: tool.name, actionLevel: tool.actionLevel as ActionLevel, enabled: tool.enabled },
      grant: toGrantPolicy(grant),
    });
    const refs = { actor, actionId, agentId: actor.id };
    if (blockers.length > 0) {
      const moved = await transitionAction(tx, {
        id: actionId,
        from: 'approved',
        to: 'blocked',
        changes: { decisionReason: `blocked at claim: ${blockers.join('; ')}` },
      });
      if (!moved)
        return {
          kind: 'conflict' as const,
          status: (await tx.action.findUniqueOrThrow({ where: { id: actionId } })).status,
        };
      await recordAuditEvent(tx, { ...refs, type: 'action.claim_blocked', payload: { reasons: blockers } });
      return { kind: 'blocked' as const, reasons: blockers };
    }
    if (!(await transitionAction(tx, { id: actionId, from: 'approved', to: 'executing' }))) {
      return {
        kind: 'conflict' as const,
        status: (await tx.action.findUniqueOrThrow({ where: { id: actionId } })).status,
      };
    }
    await recordAuditEvent(tx, { ...refs, type: 'action.claimed', payload: {} });
    return { kind: 'claimed' as const };
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
    case 'claimed': {
      notifyActionChanged(actionId);
      const action = await db().action.findUniqueOrThrow({ where: { id: actionId }, include: { reviewer: true } });
      return toActionView(action);
    }
  }
}

import { randomUUID } from 'node:crypto';
import { assertCan, can, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db/client';
import { WardenError } from '../errors';
import { findAgentOrThrow } from '../agents/find-agent';
import { assertCanManageSwitch } from './authorize-switch';
import { GLOBAL_STOP_ID, lockSwitches } from './global-stop';
import { engageSwitchSchema, type EngageSwitchInput } from './schemas';
import type { SwitchEffect, SwitchScope } from '../policy/switch-effects';

export type EngageResult = { id: string; changed: boolean };

/**
 * Engages a switch. Engaging one that is already engaged (same scope, target and effect) changes nothing and is
 * audited as such. The global block switch is the row 'global_stop', toggled; every other switch is a new row.
 */
export async function engageSwitch(actor: Actor, input: EngageSwitchInput): Promise<EngageResult> {
  if (actor.type === 'agent') throw new WardenError('forbidden', 'An agent cannot engage or release a switch.');
  // Refuse who can never engage anything before reading the input; owners are checked against the agent below.
  if (!can(actor, 'switches.manage')) assertCan(actor, 'agents.control');
  const data = engageSwitchSchema.parse(input);
  return db().$transaction(async (tx) => {
    const agent = data.agent ? await findAgent(tx, data.agent) : null;
    assertCanManageSwitch(actor, { scope: data.scope, agent });
    if (data.tool && !(await tx.tool.findUnique({ where: { name: data.tool }, select: { id: true } }))) {
      throw new WardenError('invalid_input', `No tool named "${data.tool}".`, {
        fields: [{ path: 'tool', message: 'no such tool' }],
      });
    }
    return engageSwitchInTx(tx, actor, {
      scope: data.scope,
      agent,
      tool: data.tool ?? null,
      effect: data.effect,
      reason: data.reason,
    });
  });
}

export type EngageInTx = {
  scope: SwitchScope;
  /** The agent's row (agent and agent-tool scopes), already looked up by the caller. */
  agent: { id: string; ownerId: string; name?: string; archivedAt?: Date | null } | null;
  tool: string | null;
  effect: SwitchEffect;
  reason: string;
  /** The incident whose containment this is: such a switch is released only by that incident's return to normal. */
  incidentId?: string | null;
};

/**
 * Engages one switch inside the caller's transaction (an incident's opening engages its containment together with
 * the incident and its audit events): who may, then a compare-and-set or a new row, and the audit event.
 */
export async function engageSwitchInTx(tx: Tx, actor: Actor, input: EngageInTx): Promise<EngageResult> {
  const { scope, agent, effect, reason } = input;
  assertCanManageSwitch(actor, { scope, agent });
  await lockSwitches(tx);
  const now = new Date();
  const byId = actor.type === 'user' ? actor.id : null;
  const audit = { scope, effect, reason };
  const incidentId = input.incidentId ?? null;

  if (scope === 'global' && effect === 'block') {
    const { count } = await tx.switch.updateMany({
      where: { id: GLOBAL_STOP_ID, engaged: false },
      data: {
        engaged: true,
        reason,
        engagedById: byId,
        engagedAt: now,
        changedById: byId,
        changedAt: now,
        releasedById: null,
        releasedAt: null,
        releaseReason: null,
        incidentId,
      },
    });
    if (count === 1) await recordAuditEvent(tx, { actor, type: 'switch.global_stop_engaged', payload: { reason } });
    else
      await recordAuditEvent(tx, {
        actor,
        type: 'switch.engage_unchanged',
        payload: { switchId: GLOBAL_STOP_ID, ...audit },
      });
    return { id: GLOBAL_STOP_ID, changed: count === 1 };
  }

  const engagedKey = [scope, agent?.id ?? '', input.tool ?? '', effect].join('|');
  const existing = await tx.switch.findUnique({ where: { engagedKey }, select: { id: true } });
  if (existing) {
    await recordAuditEvent(tx, {
      actor,
      agentId: agent?.id,
      type: 'switch.engage_unchanged',
      payload: { switchId: existing.id, ...audit },
    });
    return { id: existing.id, changed: false };
  }
  const id = randomUUID();
  await tx.switch.create({
    data: {
      id,
      engaged: true,
      engagedKey,
      scope,
      agentId: agent?.id ?? null,
      toolName: input.tool ?? null,
      effect,
      reason,
      engagedById: byId,
      engagedAt: now,
      changedById: byId,
      changedAt: now,
      incidentId,
    },
  });
  await recordAuditEvent(tx, {
    actor,
    agentId: agent?.id,
    type: 'switch.engaged',
    payload: { switchId: id, agentId: agent?.id ?? null, toolName: input.tool ?? null, ...audit },
  });
  return { id, changed: true };
}

/** The console sends ids, the CLI names. */
function findAgent(tx: Tx, ref: string) {
  return tx.agent.findUnique({ where: { id: ref } }).then((byId) => byId ?? findAgentOrThrow(tx, { name: ref }));
}

/** Stop all agents: the global block switch. */
export async function engageGlobalStop(actor: Actor, reason = 'global stop'): Promise<{ changed: boolean }> {
  assertCan(actor, 'switches.manage');
  const { changed } = await engageSwitch(actor, { scope: 'global', effect: 'block', reason });
  return { changed };
}

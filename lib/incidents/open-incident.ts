import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { changeAgentStatusInTx } from '../agents/change-agent-status-in-tx';
import { db, type Tx } from '../db/client';
import { prismaRunner } from '../db/sql-runner';
import { WardenError } from '../errors';
import { uuidV7 } from '../ids/time-ordered-id';
import { engageSwitchInTx } from '../kill-switches/engage-switch';
import { openIncidentSchema, type ContainmentOption, type OpenIncidentInput } from './schemas';

export type OpenedIncident = {
  id: string;
  /** Containment switches engaged for it (or already engaged with the same scope and effect: shared, not owned). */
  switchIds: string[];
  /** Agents this incident paused (not those already paused). */
  pausedAgents: string[];
  revokedKeys: number;
};

type TargetAgent = { id: string; name: string; ownerId: string; archivedAt: Date | null };

/**
 * Opens an incident and engages its containment in ONE transaction with it and every audit event: the incident is
 * never recorded without the containment its opener chose, nor the containment without the incident.
 * - pause: each active agent paused (IncidentAgent.pausedByIncident, so the return to normal resumes exactly these);
 * - review-all / draft-only: a switch per agent, or one global-scope switch for all agents, tied to the incident;
 * - revoke-keys: the agents' unrevoked keys revoked (never undone by the return to normal: new keys are deliberate).
 */
export async function openIncident(actor: Actor, input: OpenIncidentInput): Promise<OpenedIncident> {
  assertCan(actor, 'incidents.manage');
  const data = openIncidentSchema.parse(input);
  return db().$transaction(async (tx) => {
    const named = data.allAgents ? [] : await resolveAgents(tx, data.agents);
    // With all agents, containment reaches every agent there is now (new agents are covered by the global switches).
    const targets = data.allAgents
      ? await tx.agent.findMany({
          where: { archivedAt: null },
          select: { id: true, name: true, ownerId: true, archivedAt: true },
          orderBy: { name: 'asc' },
        })
      : named;
    const id = uuidV7();
    const reason = `Incident "${data.title}"`;
    await tx.incident.create({
      data: {
        id,
        title: data.title,
        severity: data.severity,
        allAgents: data.allAgents,
        windowStart: data.windowStart,
        manualFallback: data.manualFallback,
        containment: JSON.stringify(data.containment),
        openedById: actor.type === 'user' ? actor.id : null,
        agents: { create: named.map((agent) => ({ agentId: agent.id })) },
      },
    });

    const has = (option: ContainmentOption) => data.containment.includes(option);
    const pausedAgents = has('pause') ? await pauseAgents(tx, actor, id, targets, reason, data.allAgents) : [];
    const switchIds: string[] = [];
    for (const effect of (['review-all', 'draft-only'] as const).filter(has)) {
      if (data.allAgents) {
        switchIds.push(
          (
            await engageSwitchInTx(tx, actor, {
              scope: 'global',
              agent: null,
              tool: null,
              effect,
              reason,
              incidentId: id,
            })
          ).id,
        );
      } else {
        for (const agent of targets) {
          switchIds.push(
            (await engageSwitchInTx(tx, actor, { scope: 'agent', agent, tool: null, effect, reason, incidentId: id }))
              .id,
          );
        }
      }
    }
    const revokedKeys = has('revoke-keys') ? await revokeKeys(tx, actor, targets) : 0;

    await recordAuditEvent(tx, {
      actor,
      type: 'incident.opened',
      payload: {
        incidentId: id,
        title: data.title,
        severity: data.severity,
        allAgents: data.allAgents,
        agents: named.map((a) => a.name),
        windowStart: data.windowStart.toISOString(),
        containment: data.containment,
        switchIds,
        pausedAgents,
        revokedKeys,
      },
    });
    return { id, switchIds, pausedAgents, revokedKeys };
  });
}

/** The console sends ids, the CLI names; an unknown or archived agent is refused naming it (nothing is opened). */
async function resolveAgents(tx: Tx, refs: string[]): Promise<TargetAgent[]> {
  const select = { id: true, name: true, ownerId: true, archivedAt: true } as const;
  const found = new Map<string, TargetAgent>();
  for (const ref of new Set(refs)) {
    const agent =
      (await tx.agent.findUnique({ where: { id: ref }, select })) ??
      (await tx.agent.findUnique({ where: { name: ref }, select }));
    if (!agent)
      throw new WardenError('invalid_input', `No agent named "${ref}".`, {
        issues: [{ path: 'agents', message: `no agent "${ref}"` }],
      });
    if (agent.archivedAt)
      throw new WardenError('invalid_input', `Agent "${agent.name}" is archived.`, {
        issues: [{ path: 'agents', message: `"${agent.name}" is archived` }],
      });
    found.set(agent.id, agent);
  }
  return [...found.values()];
}

async function pauseAgents(
  tx: Tx,
  actor: Actor,
  incidentId: string,
  agents: TargetAgent[],
  reason: string,
  allAgents: boolean,
): Promise<string[]> {
  const paused: string[] = [];
  for (const agent of agents) {
    const changed = await changeAgentStatusInTx(prismaRunner(tx), { actor, agentId: agent.id, to: 'paused', reason });
    // An agent someone had already paused stays theirs to resume: the incident's return to normal leaves it paused.
    if (!changed) continue;
    if (allAgents) await tx.incidentAgent.create({ data: { incidentId, agentId: agent.id, pausedByIncident: true } });
    else
      await tx.incidentAgent.update({
        where: { incidentId_agentId: { incidentId, agentId: agent.id } },
        data: { pausedByIncident: true },
      });
    paused.push(agent.name);
  }
  return paused;
}

async function revokeKeys(tx: Tx, actor: Actor, agents: TargetAgent[]): Promise<number> {
  const now = new Date();
  let revoked = 0;
  for (const agent of agents) {
    const keys = await tx.agentKey.findMany({
      where: { agentId: agent.id, revokedAt: null },
      select: { id: true, prefix: true },
      orderBy: { createdAt: 'asc' },
    });
    for (const key of keys) {
      const { count } = await tx.agentKey.updateMany({
        where: { id: key.id, revokedAt: null },
        data: { revokedAt: now },
      });
      if (count !== 1) continue;
      await recordAuditEvent(tx, {
        actor,
        agentId: agent.id,
        type: 'agent_key.revoked',
        payload: { keyId: key.id, prefix: key.prefix },
      });
      revoked++;
    }
  }
  return revoked;
}

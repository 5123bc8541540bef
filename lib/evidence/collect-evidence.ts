import { assertCan, type Actor } from '../auth/actor';
import { readAuditPayload, recordedPayload } from '../audit/read-audit-payload';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { maskParams, renderSummary } from '../tools/present-params';
import type { EvidenceSelection } from './evidence-format';

export type EvidenceInput = { agentNames: string[] | 'all'; from: Date; to: Date };

const PAGE = 2_000;

/**
 * What an evidence bundle holds for a window: every action of the agents proposed in it (parameters masked by each
 * tool's sensitive fields, whoever exports: the file leaves the box) and every audit event of those agents or actions
 * in it, with their place in the sealed chain so the bundle can be checked against the log. Reads only.
 */
export async function collectEvidence(actor: Actor, input: EvidenceInput) {
  assertCan(actor, 'audit.verify');
  if (!(input.from < input.to))
    throw new WardenError('invalid_input', 'The window must start before it ends.', {
      issues: [{ path: 'since', message: 'must be before until' }],
    });
  const agents = await db().agent.findMany({
    where: input.agentNames === 'all' ? {} : { name: { in: input.agentNames } },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
  if (input.agentNames !== 'all') {
    const missing = input.agentNames.filter((name) => !agents.some((agent) => agent.name === name));
    if (missing.length)
      throw new WardenError('not_found', `No agent named ${missing.map((name) => `"${name}"`).join(', ')}.`);
  }
  const agentIds = agents.map((agent) => agent.id);
  const agentName = new Map(agents.map((agent) => [agent.id, agent.name]));

  const actionRows = [];
  for (let after = ''; ;) {
    const page = await db().action.findMany({
      where: { agentId: { in: agentIds }, createdAt: { gte: input.from, lt: input.to }, id: { gt: after } },
      orderBy: { id: 'asc' },
      take: PAGE,
      include: {
        tool: { select: { summaryTemplate: true, sensitiveFields: true } },
        reviewer: { select: { name: true } },
      },
    });
    actionRows.push(...page);
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  const actions = actionRows.map((row) => {
    const sensitive = row.tool ? (JSON.parse(row.tool.sensitiveFields) as string[]) : [];
    const masked = (text: string | null) =>
      text === null ? null : maskParams(JSON.parse(text) as Record<string, unknown>, sensitive);
    const params = masked(row.params)!;
    return {
      id: row.id,
      agent: agentName.get(row.agentId)!,
      tool: row.toolName,
      status: row.status,
      traceId: row.traceId,
      summary: row.tool?.summaryTemplate ? renderSummary(row.tool.summaryTemplate, params) : `Call ${row.toolName}`,
      params,
      editedParams: masked(row.editedParams),
      paramsHash: row.paramsHash,
      reason: row.reason,
      requester: row.requester,
      gateReasons: JSON.parse(row.gateReasons) as string[],
      decisionReason: row.decisionReason,
      decidedBy: row.reviewer?.name ?? null,
      createdAt: row.createdAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      downstreamRef: row.downstreamRef,
      result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    };
  });

  const events = [];
  for (let after = 0; ;) {
    const page = await db().auditEvent.findMany({
      where: {
        at: { gte: input.from, lt: input.to },
        seq: { gt: after },
        OR: [{ agentId: { in: agentIds } }, { action: { agentId: { in: agentIds } } }],
      },
      orderBy: { seq: 'asc' },
      take: PAGE,
    });
    events.push(
      ...page.map((event) => ({
        seq: event.seq,
        at: event.at.toISOString(),
        type: event.type,
        actorType: event.actorType,
        actorId: event.actorId,
        agentId: event.agentId,
        actionId: event.actionId,
        ...recordedPayload(readAuditPayload(event.type, event.payload)),
        chainIndex: event.chainIndex,
        hash: event.hash,
      })),
    );
    if (page.length < PAGE) break;
    after = page.at(-1)!.seq;
  }

  const selection: EvidenceSelection = { agents, from: input.from.toISOString(), to: input.to.toISOString() };
  return { selection, actions, events };
}

export type CollectedEvidence = Awaited<ReturnType<typeof collectEvidence>>;

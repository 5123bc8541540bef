import { randomUUID } from 'node:crypto';
import { AUDIT_EVENT_LABELS, type AuditEventType } from '../audit/event-types';
import { payloadFields, readAuditPayload } from '../audit/read-audit-payload';
import { db } from '../db/client';
import { visibleText } from '../review/inspect-text';
import type { AuditRow, NewDelivery } from './fan-out-notifications';
import { notificationBody, type OversightFacts } from './notification-message';
import { oversightKindOf, parseOversight, type OversightKind } from './oversight-events';
import type { ChannelKind } from './schemas';

const MAX_DETAIL = 300;

/**
 * Oversight events (a switch engaged, an agent paused by a person or by the gate, an action expired, a channel
 * failing, incidents) go to every enabled channel subscribed to their kind — never a failing channel's report to
 * itself. Part of the notifier's batch, so each is sent once, with the audit log as the outbox.
 */
export async function planOversightDeliveries(events: AuditRow[], baseUrl: string): Promise<NewDelivery[]> {
  const wanted = events.flatMap((event) => {
    const kind = oversightKindOf(event.type);
    return kind ? [{ event, kind, payload: payloadFields(readAuditPayload(event.type, event.payload)) }] : [];
  });
  if (wanted.length === 0) return [];
  const channels = (
    await db().notificationChannel.findMany({
      where: { enabled: true, NOT: { oversight: '[]' } },
      select: { id: true, name: true, kind: true, oversight: true },
    })
  ).map((channel) => ({ ...channel, kinds: parseOversight(channel.oversight) }));
  if (channels.length === 0) return [];

  const names = await actorAndAgentNames(wanted.map(({ event }) => event));
  return wanted.flatMap(({ event, kind, payload }) => {
    const facts = oversightFacts(event, kind, payload, names, baseUrl);
    return channels
      .filter(
        (channel) => channel.kinds.includes(kind) && !(kind === 'channel_failures' && payload.channelId === channel.id),
      )
      .map((channel) => ({
        id: randomUUID(),
        channelId: channel.id,
        eventSeq: event.seq,
        actionId: event.actionId,
        event: kind === 'channel_failures' ? ('channel_failing' as const) : ('oversight' as const),
        body: notificationBody(channel.kind as ChannelKind, {
          event: kind === 'channel_failures' ? 'channel_failing' : 'oversight',
          eventSeq: event.seq,
          occurredAt: event.at,
          channelName: channel.name,
          action: null,
          escalation: null,
          oversight: facts,
        }),
      }));
  });
}

type Names = { users: Map<string, string>; agents: Map<string, string> };

async function actorAndAgentNames(events: AuditRow[]): Promise<Names> {
  const userIds = [...new Set(events.filter((e) => e.actorType === 'user' && e.actorId).map((e) => e.actorId!))];
  const agentIds = [
    ...new Set(
      events.flatMap((e) => [e.agentId, e.actorType === 'agent' ? e.actorId : null]).filter((id): id is string => !!id),
    ),
  ];
  const [users, agents] = await Promise.all([
    userIds.length ? db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    agentIds.length ? db().agent.findMany({ where: { id: { in: agentIds } }, select: { id: true, name: true } }) : [],
  ]);
  return { users: new Map(users.map((u) => [u.id, u.name])), agents: new Map(agents.map((a) => [a.id, a.name])) };
}

function oversightFacts(
  event: AuditRow,
  kind: OversightKind,
  payload: Record<string, unknown>,
  names: Names,
  baseUrl: string,
): OversightFacts {
  const agentId = event.agentId ?? (event.actorType === 'agent' ? event.actorId : null);
  const agent = agentId ? { id: agentId, name: names.agents.get(agentId) ?? agentId } : null;
  return {
    kind,
    type: event.type,
    title: AUDIT_EVENT_LABELS[event.type as AuditEventType] ?? event.type,
    detail: bounded(detailOf(kind, payload)),
    actor: actorName(event, names),
    agent,
    url: `${baseUrl}${linkOf(kind, event, agent, payload)}`,
  };
}

/** Words about what happened, from the fields people or the gate wrote (reasons, scopes), never parameter values. */
function detailOf(kind: OversightKind, payload: Record<string, unknown>): string {
  const text = (key: string) => (typeof payload[key] === 'string' && payload[key] !== '' ? String(payload[key]) : null);
  if (kind === 'channel_failures') {
    const status = typeof payload.lastStatus === 'number' ? `HTTP ${payload.lastStatus}` : 'no answer';
    return `channel "${text('channel') ?? 'unknown'}" gave up on a ${text('event') ?? ''} delivery after ${String(payload.attempts ?? '?')} attempts (last: ${status})`;
  }
  if (kind === 'expiries')
    return text('deadline') ? `no decision by its deadline, ${text('deadline')}` : 'no decision by its deadline';
  const parts = [
    text('scope') && `scope ${text('scope')}`,
    text('target') && `on ${text('target')}`,
    text('effect') && `effect ${text('effect')}`,
    text('reason')
      ? `reason: ${text('reason')}`
      : kind === 'agent_pauses' || kind === 'switches'
        ? 'no reason given'
        : null,
    text('title') && `"${text('title')}"`,
    text('summary') && `summary: ${text('summary')}`,
  ].filter(Boolean);
  return parts.join(' · ') || 'see the audit log';
}

function actorName(event: AuditRow, names: Names): string {
  if (event.actorType === 'user') return names.users.get(event.actorId ?? '') ?? 'a person';
  // The gate pauses a looping agent in the agent's own request, so the event's actor is the agent.
  if (event.actorType === 'agent' && event.type === 'agent.paused') return 'the gate';
  if (event.actorType === 'agent')
    return `agent ${names.agents.get(event.actorId ?? '') ?? event.actorId ?? ''}`.trim();
  if (event.actorType === 'cli') return 'the admin CLI';
  return event.actorId === 'gate' ? 'the gate' : 'Warden';
}

function linkOf(
  kind: OversightKind,
  event: AuditRow,
  agent: { id: string } | null,
  payload: Record<string, unknown>,
): string {
  // An incident's events (and its return to normal's) open the incident's workbench.
  if (kind === 'incidents' && typeof payload.incidentId === 'string')
    return `/incidents/${encodeURIComponent(payload.incidentId)}`;
  if (event.actionId) return `/actions/${encodeURIComponent(event.actionId)}`;
  if (kind === 'channel_failures') return '/notifications';
  if (agent) return `/agents/${encodeURIComponent(agent.id)}`;
  return '/agents';
}

function bounded(text: string): string {
  const visible = visibleText(text.replace(/\s+/g, ' ').trim());
  return visible.length > MAX_DETAIL ? `${visible.slice(0, MAX_DETAIL - 1)}…` : visible;
}

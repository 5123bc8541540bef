import { randomUUID } from 'node:crypto';
import { readAuditPayload } from '../audit/read-audit-payload';
import { db } from '../db/client';
import type { AuditRow, NewDelivery } from './fan-out-notifications';
import { notificationBody } from './notification-message';
import type { ChannelKind } from './schemas';

/**
 * An owner's loosening of a grant held for an admin (`grant.change_held`) goes at once to every channel that hears
 * everything (no reviewer group): admins learn of it without opening the console. Part of the notifier's batch.
 */
export async function planGrantChangeDeliveries(events: AuditRow[], baseUrl: string): Promise<NewDelivery[]> {
  const held = events.filter((event) => event.type === 'grant.change_held');
  if (held.length === 0) return [];
  const channels = await db().notificationChannel.findMany({
    where: { enabled: true, groupId: null },
    select: { id: true, name: true, kind: true },
  });
  if (channels.length === 0) return [];
  const payloads = held.flatMap((event) => {
    const read = readAuditPayload('grant.change_held', event.payload);
    return read.unparsed ? [] : [{ event, payload: read.payload }];
  });
  const requests = await db().grantChangeRequest.findMany({
    where: { id: { in: payloads.map(({ payload }) => payload.changeRequestId) } },
    select: { id: true, grantId: true, agentId: true, toolName: true, loosened: true },
  });
  const agents = await db().agent.findMany({
    where: { id: { in: requests.map((r) => r.agentId) } },
    select: { id: true, name: true },
  });

  return payloads.flatMap(({ event, payload }) => {
    const request = requests.find((r) => r.id === payload.changeRequestId);
    const agent = request && agents.find((a) => a.id === request.agentId);
    if (!request || !agent) return [];
    const grantChange = {
      url: `${baseUrl}/agents/${encodeURIComponent(agent.id)}/grants/${encodeURIComponent(request.grantId)}`,
      agent,
      tool: request.toolName,
      loosened: JSON.parse(request.loosened) as string[],
    };
    return channels.map((channel) => ({
      id: randomUUID(),
      channelId: channel.id,
      eventSeq: event.seq,
      actionId: null,
      event: 'grant_change_held' as const,
      body: notificationBody(channel.kind as ChannelKind, {
        event: 'grant_change_held',
        eventSeq: event.seq,
        occurredAt: event.at,
        channelName: channel.name,
        action: null,
        escalation: null,
        grantChange,
      }),
    }));
  });
}

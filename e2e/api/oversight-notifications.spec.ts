import { test, expect } from '../fixtures/test';
import { createTestAgent, createTestUser, SETUP, uniqueName } from '../fixtures/factories';
import { createTestGroup, eventually } from '../fixtures/notification-factories';
import { startWebhookReceiver, type WebhookReceiver } from '../fixtures/webhook-receiver';
import { appModule } from '../fixtures/app-module';
import type { OversightKind } from '../../lib/notifications/oversight-events';

const { pauseAgent, resumeAgent } = appModule<typeof import('@/lib/agents/set-agent-status')>(
  '@/lib/agents/set-agent-status',
);
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { createChannel } = appModule<typeof import('@/lib/notifications/create-channel')>(
  '@/lib/notifications/create-channel',
);
const { sendTestNotification } = appModule<typeof import('@/lib/notifications/send-test-notification')>(
  '@/lib/notifications/send-test-notification',
);

// Oversight events reach the channels subscribed to their kind, signed like review notifications; other channels
// get nothing. (issue 13 §1: "oversight events notify")

/** A webhook channel scoped to a group of its own (so no review notification reaches it) with these oversight kinds. */
async function oversightChannel(oversight: OversightKind[], options: { failFirst?: number } = {}) {
  const receiver = await startWebhookReceiver({ failFirst: options.failFirst });
  const group = await createTestGroup('oversight');
  const { channel, secret } = await createChannel(SETUP, {
    name: uniqueName('oversight'),
    kind: 'webhook',
    url: receiver.url,
    groupId: group.id,
    oversight,
  });
  receiver.useSecret(secret);
  return { channel, receiver };
}

const oversightOf = (
  receiver: WebhookReceiver,
  event: string,
  predicate: (body: { oversight: Record<string, unknown> }) => boolean,
) => receiver.ofEvent(event).filter((r) => predicate(r.body as { oversight: Record<string, unknown> }));

test('a pause and a resume reach the channel subscribed to agent pauses, naming who and why; an unsubscribed channel gets nothing', async () => {
  const admin = await createTestUser(['admin'], 'Ada Admin');
  const agent = await createTestAgent();
  const subscribed = await oversightChannel(['agent_pauses']);
  const unsubscribed = await oversightChannel(['expiries']);

  await pauseAgent(admin.actor, { id: agent.id }, 'refunds look wrong');
  await resumeAgent(admin.actor, { id: agent.id });
  const received = await eventually(
    () => {
      const mine = oversightOf(
        subscribed.receiver,
        'oversight',
        (body) => (body.oversight.agent as { id?: string } | null)?.id === agent.id,
      );
      return mine.length >= 2 ? mine : undefined;
    },
    20_000,
    'the pause and the resume',
  );
  // Due deliveries are sent in parallel, so they may arrive in either order: read them in the log's order.
  received.sort((a, b) => (a.body as { eventSeq: number }).eventSeq - (b.body as { eventSeq: number }).eventSeq);

  expect(received.every((r) => r.signature?.ok)).toBe(true);
  expect(received.map((r) => (r.body as { oversight: unknown }).oversight)).toEqual([
    expect.objectContaining({
      kind: 'agent_pauses',
      type: 'agent.paused',
      title: 'Agent paused',
      actor: 'Ada Admin',
      detail: 'reason: refunds look wrong',
      agent: { id: agent.id, name: agent.name },
    }),
    expect.objectContaining({
      kind: 'agent_pauses',
      type: 'agent.resumed',
      title: 'Agent resumed',
      actor: 'Ada Admin',
      agent: { id: agent.id, name: agent.name },
    }),
  ]);
  expect(String((received[0].body as { oversight: { url: string } }).oversight.url)).toMatch(
    new RegExp(`/agents/${agent.id}$`),
  );
  // Deliveries of one event are created together: once the subscribed channel has both, the other's absence is final.
  const seqs = (
    await db().auditEvent.findMany({
      where: { agentId: agent.id, type: { in: ['agent.paused', 'agent.resumed'] } },
      select: { seq: true },
    })
  ).map((e) => e.seq);
  expect(
    await db().notificationDelivery.count({ where: { channelId: unsubscribed.channel.id, eventSeq: { in: seqs } } }),
  ).toBe(0);
  await Promise.all([subscribed.receiver.close(), unsubscribed.receiver.close()]);
});

test('a channel that gives up on a delivery is reported to the channels watching for failing channels, with its status code only', async () => {
  test.setTimeout(60_000);
  const failing = await oversightChannel([], { failFirst: 1_000 });
  const watcher = await oversightChannel(['channel_failures']);

  await sendTestNotification(SETUP, { channelId: failing.channel.id });
  // Every attempt fails (the test servers retry after 0.2 s, 0.4 s, … up to 2 s; 8 attempts), then it gives up.
  const [report] = await eventually(
    () => {
      const mine = oversightOf(watcher.receiver, 'channel_failing', (body) =>
        String(body.oversight.detail).includes(`"${failing.channel.name}"`),
      );
      return mine.length ? mine : undefined;
    },
    45_000,
    'the failing channel to be reported',
  );

  expect(report.signature?.ok).toBe(true);
  expect((report.body as { oversight: unknown }).oversight).toEqual(
    expect.objectContaining({
      kind: 'channel_failures',
      type: 'notification.delivery_failed',
      title: 'Notification channel failing',
      actor: 'Warden',
      detail: `channel "${failing.channel.name}" gave up on a test delivery after 8 attempts (last: HTTP 500)`,
    }),
  );
  expect(failing.receiver.requests.every((r) => r.answered === 500)).toBe(true);
  const event = await db().auditEvent.findFirstOrThrow({
    where: { type: 'notification.delivery_failed', payload: { contains: failing.channel.id } },
  });
  expect(JSON.parse(event.payload)).toEqual({
    channelId: failing.channel.id,
    channel: failing.channel.name,
    event: 'test',
    attempts: 8,
    lastStatus: 500,
  });
  await Promise.all([failing.receiver.close(), watcher.receiver.close()]);
});

import { test, expect } from '../fixtures/test';
import { createTestAgent, createTestUser, SETUP, uniqueName } from '../fixtures/factories';
import { createTestGroup, eventually } from '../fixtures/notification-factories';
import { startWebhookReceiver } from '../fixtures/webhook-receiver';
import { appModule } from '../fixtures/app-module';

const { createChannel } = appModule<typeof import('@/lib/notifications/create-channel')>(
  '@/lib/notifications/create-channel',
);

// An incident opened and closed reaches the channels watching incidents, saying which incident in words and linking
// to its workbench (issue 13 §1 "oversight events notify": incident opened/closed).
test('opening and closing an incident reach the incidents channel with its title, summary and link', async () => {
  const admin = await createTestUser(['admin'], 'Ada Admin');
  const agent = await createTestAgent();
  const receiver = await startWebhookReceiver();
  const group = await createTestGroup('incidents');
  const { secret } = await createChannel(SETUP, {
    name: uniqueName('incidents'),
    kind: 'webhook',
    url: receiver.url,
    groupId: group.id,
    oversight: ['incidents'],
  });
  receiver.useSecret(secret);
  const { openIncident } = appModule<typeof import('@/lib/incidents/open-incident')>('@/lib/incidents/open-incident');
  const { closeIncident } = appModule<typeof import('@/lib/incidents/close-incident')>(
    '@/lib/incidents/close-incident',
  );
  const title = uniqueName('Odd refunds');

  const { id } = await openIncident(admin.actor, {
    title,
    agents: [agent.id],
    windowStart: new Date(Date.now() - 3600_000),
  });
  await closeIncident(admin.actor, { id, resolution: 'Grant tightened.' });
  const received = await eventually(
    () => {
      const mine = receiver
        .ofEvent('oversight')
        .filter((r) => String((r.body as { oversight: { url: string } }).oversight.url).endsWith(`/incidents/${id}`));
      return mine.length >= 2 ? mine : undefined;
    },
    20_000,
    'the opening and the close',
  );
  received.sort((a, b) => (a.body as { eventSeq: number }).eventSeq - (b.body as { eventSeq: number }).eventSeq);

  expect(received.every((r) => r.signature?.ok)).toBe(true);
  expect(received.map((r) => (r.body as { oversight: unknown }).oversight)).toEqual([
    expect.objectContaining({
      kind: 'incidents',
      type: 'incident.opened',
      title: 'Incident opened',
      actor: 'Ada Admin',
      detail: `"${title}"`,
    }),
    expect.objectContaining({
      kind: 'incidents',
      type: 'incident.closed',
      title: 'Incident closed',
      actor: 'Ada Admin',
      detail: `"${title}" · summary: Grant tightened.`,
    }),
  ]);
  await receiver.close();
});

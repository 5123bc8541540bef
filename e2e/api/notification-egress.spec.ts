import { test, expect } from '../fixtures/test';
import { SETUP, uniqueName } from '../fixtures/factories';
import { createTestGroup, eventually } from '../fixtures/notification-factories';
import { startWebhookReceiver } from '../fixtures/webhook-receiver';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { createChannel } = appModule<typeof import('@/lib/notifications/create-channel')>(
  '@/lib/notifications/create-channel',
);
const { sendTestNotification } = appModule<typeof import('@/lib/notifications/send-test-notification')>(
  '@/lib/notifications/send-test-notification',
);

// Issue 12, item 6: a notification channel cannot probe this host or its network (SSRF), and the delivery log, which
// reviewers read, is no port-scan oracle. The test servers allow exactly 127.0.0.1 (WARDEN_EGRESS_ALLOW in
// playwright.config.ts) for the specs' receivers; every other private or local address stays refused.
// Each channel serves a group of its own, so these failing channels never receive other specs' review notifications.
const ownGroup = async () => (await createTestGroup('egress')).id;

test('a channel URL that is a disallowed address, in any form the URL parser reads, is refused at save naming url', async () => {
  const create = createChannel;
  for (const url of [
    'http://169.254.169.254/latest/meta-data/',
    'http://2130706434/',
    'http://0x7f000002:8080/',
    'http://0177.0.0.2/',
    'http://127.2/',
    'http://[::1]:5432/',
    'http://[::ffff:127.0.0.2]/',
    'http://10.0.0.1/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://0/',
    'http://[fd00::1]/',
    'http://224.0.0.1/',
    'http://localhost:6379/',
  ]) {
    await expect(
      create(SETUP, { name: uniqueName('ssrf'), kind: 'webhook', url, groupId: await ownGroup() }),
      url,
    ).rejects.toMatchObject({
      code: 'invalid_input',
      details: { issues: [{ path: 'url', message: expect.stringContaining('not allowed') }] },
    });
  }
});

async function lastAttempt(channelId: string) {
  const { deliveryId } = await sendTestNotification(SETUP, { channelId });
  return eventually(
    async () => {
      const row = await db().notificationDelivery.findUnique({ where: { id: deliveryId } });
      return row && row.attempts > 0 && row.lastError !== null ? row : undefined;
    },
    20_000,
    'the first delivery attempt',
  );
}

test('the delivery log says "HTTP 500" or "network error": no status text, no error code, no body', async () => {
  const failing = await startWebhookReceiver({ failFirst: 1000 });
  const { channel } = await createChannel(SETUP, {
    name: uniqueName('failing'),
    kind: 'webhook',
    url: failing.url,
    groupId: await ownGroup(),
  });
  expect(await lastAttempt(channel.id)).toMatchObject({ lastStatus: 500, lastError: 'HTTP 500' });
  await failing.close();

  const closedPort = new URL(failing.url).port; // closed now: connection refused
  const { channel: nobody } = await createChannel(SETUP, {
    name: uniqueName('closed'),
    kind: 'webhook',
    url: `http://127.0.0.1:${closedPort}/hooks`,
    groupId: await ownGroup(),
  });
  expect(await lastAttempt(nobody.id)).toMatchObject({ lastStatus: null, lastError: 'network error' });
});

test('a URL that turns into a disallowed address after saving is refused at send time, and nothing is sent', async () => {
  const receiver = await startWebhookReceiver();
  const { channel } = await createChannel(SETUP, {
    name: uniqueName('rebound'),
    kind: 'webhook',
    url: receiver.url,
    groupId: await ownGroup(),
  });
  // As if its DNS name now answered 127.0.0.2 (loopback, not allowed): the check runs on the address at send time.
  await db().notificationChannel.update({
    where: { id: channel.id },
    data: { url: `http://2130706434:${new URL(receiver.url).port}/hooks` },
  });
  expect(await lastAttempt(channel.id)).toMatchObject({ lastStatus: null, lastError: 'destination not allowed' });
  expect(receiver.requests).toHaveLength(0);
  await receiver.close();
});

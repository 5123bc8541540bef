import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { auditEventsOfAction } from '../fixtures/audit';
import {
  createTestAgent,
  createTestAgentKey,
  createTestTool,
  createTestUser,
  SETUP,
  uniqueName,
  VALID_TICKET,
} from '../fixtures/factories';
import {
  channelWithReceiver,
  createTestGroup,
  deliveriesOfAction,
  eventually,
} from '../fixtures/notification-factories';
import { proposeTicket } from '../fixtures/scenarios';
import { appModule } from '../fixtures/app-module';
import { verifyWardenSignature } from '../../lib/notifications/signature';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { grantTool } = appModule<typeof import('@/lib/grants/grant-tool')>('@/lib/grants/grant-tool');
const { listDeliveries } = appModule<typeof import('@/lib/notifications/list-deliveries')>(
  '@/lib/notifications/list-deliveries',
);
const { createTool } = appModule<typeof import('@/lib/tools/create-tool')>('@/lib/tools/create-tool');

// The server's background worker runs every 200 ms and retries after ~0.2 s, 0.4 s… (playwright.config.ts).

/** An agent whose grant sends its proposals to `reviewGroupId` for one approval, with an optional escalation ladder. */
async function seedReviewedAgent(
  baseURL: string,
  rules: { reviewGroupId: string; escalationLadder?: { afterMinutes: number; groupId: string }[] },
) {
  const agent = await createTestAgent();
  const tool = await createTestTool();
  await grantTool(SETUP, { agent: { id: agent.id }, tool: tool.name, rules: { approvals: 1, ...rules } });
  const { key } = await createTestAgentKey(agent);
  return { agent, tool, client: agentClient(baseURL, key) };
}

test.describe('review notifications', () => {
  test("a pending proposal sends a signed review_requested to its group's channel (and to no other group's)", async ({
    baseURL,
  }) => {
    const [finance, security] = [await createTestGroup('finance'), await createTestGroup('security')];
    const ours = await channelWithReceiver({ groupId: finance.id });
    const theirs = await channelWithReceiver({ groupId: security.id });
    const { agent, tool, client } = await seedReviewedAgent(baseURL!, { reviewGroupId: finance.id });

    const id = await proposeTicket(client, tool, 'pending_review');
    const received = await eventually(
      () => ours.receiver.ofEvent('review_requested')[0],
      20_000,
      'the review_requested webhook',
    );

    expect(received.signature).toMatchObject({ ok: true });
    expect(received.answered).toBe(200);
    expect(received.headers['content-type']).toBe('application/json');
    const [delivery] = await eventually(
      async () => {
        const rows = await deliveriesOfAction(id);
        return rows.length > 0 && rows.every((row) => row.status === 'delivered') ? rows : undefined;
      },
      10_000,
      'the delivery to be recorded as delivered',
    );
    expect(received.headers['warden-delivery']).toBe(delivery.id);
    expect(delivery).toMatchObject({
      channelId: ours.channel.id,
      event: 'review_requested',
      status: 'delivered',
      attempts: 1,
      lastStatus: 200,
      lastError: null,
    });
    expect(received.rawBody).toBe(delivery.body);
    expect(received.body).toMatchObject({
      event: 'review_requested',
      action: {
        id,
        url: `${baseURL}/actions/${id}`,
        tool: tool.name,
        summary: `Call ${tool.name}`,
        agent: { id: agent.id, name: agent.name },
        group: { id: finance.id, name: finance.name },
      },
    });
    // The payload names the call, never its parameter values.
    expect(received.rawBody).not.toContain(VALID_TICKET.title);

    expect(theirs.receiver.requests).toHaveLength(0);
    expect((await deliveriesOfAction(id)).map((row) => row.channelId)).toEqual([ours.channel.id]);
    await ours.receiver.close();
    await theirs.receiver.close();
  });

  test('a receiver failing twice gets the delivery at the third attempt, with the attempts in the delivery log', async ({
    baseURL,
  }) => {
    const group = await createTestGroup('flaky');
    const { channel, receiver } = await channelWithReceiver({ groupId: group.id, failFirst: 2 });
    const { tool, client } = await seedReviewedAgent(baseURL!, { reviewGroupId: group.id });
    const id = await proposeTicket(client, tool, 'pending_review');

    await eventually(() => receiver.requests.length >= 3, 20_000, 'three attempts');
    const [first, second, third] = receiver.requests;
    expect(receiver.requests.map((r) => r.answered)).toEqual([500, 500, 200]);
    // One delivery, retried: the same id and body each time, each attempt signed afresh and valid.
    expect(new Set(receiver.requests.map((r) => r.headers['warden-delivery'])).size).toBe(1);
    expect(new Set(receiver.requests.map((r) => r.rawBody)).size).toBe(1);
    expect(receiver.requests.every((r) => r.signature?.ok)).toBe(true);
    // Backoff: at least half of each step (base 200 ms, then 400 ms) between attempts.
    expect(second.at - first.at).toBeGreaterThanOrEqual(90);
    expect(third.at - second.at).toBeGreaterThanOrEqual(190);

    const admin = await createTestUser(['admin']);
    const log = await eventually(
      async () => {
        const rows = await listDeliveries(admin.actor, { channelId: channel.id });
        return rows[0]?.status === 'delivered' ? rows : undefined;
      },
      10_000,
      'the log to show it delivered',
    );
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      actionId: id,
      event: 'review_requested',
      status: 'delivered',
      attempts: 3,
      lastStatus: 200,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(await listDeliveries(admin.actor, { channelId: channel.id, status: 'failed' })).toHaveLength(0);
    await receiver.close();
  });

  test('the verifier rejects a tampered body, a replay outside five minutes, another secret and a forged request', async ({
    baseURL,
  }) => {
    const group = await createTestGroup('verify');
    const { secret, receiver } = await channelWithReceiver({ groupId: group.id });
    const { tool, client } = await seedReviewedAgent(baseURL!, { reviewGroupId: group.id });
    await proposeTicket(client, tool, 'pending_review');
    const genuine = await eventually(() => receiver.requests[0], 20_000, 'a delivery');
    const header = genuine.headers['warden-signature'] as string;
    const sentAt = new Date(genuine.signature!.ok ? genuine.signature!.timestamp * 1000 : 0);

    expect(verifyWardenSignature({ secret, rawBody: genuine.rawBody, header, now: sentAt })).toMatchObject({
      ok: true,
    });
    expect(
      verifyWardenSignature({
        secret,
        rawBody: genuine.rawBody.replace('review_requested', 'review_granted'),
        header,
        now: sentAt,
      }),
    ).toEqual({ ok: false, reason: 'mismatch' });
    expect(
      verifyWardenSignature({
        secret,
        rawBody: genuine.rawBody,
        header,
        now: new Date(sentAt.getTime() + 5 * 60_000 + 1000),
      }),
    ).toEqual({ ok: false, reason: 'expired' });
    expect(verifyWardenSignature({ secret: `${secret}x`, rawBody: genuine.rawBody, header, now: sentAt })).toEqual({
      ok: false,
      reason: 'mismatch',
    });

    // A forger without the secret: same body and event headers, a made-up signature — the receiver answers 401.
    const forged = await fetch(receiver.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'warden-event': 'review_requested',
        'warden-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'ab'.repeat(32)}`,
      },
      body: genuine.rawBody,
    });
    expect(forged.status).toBe(401);
    expect(receiver.requests.at(-1)?.signature).toEqual({ ok: false, reason: 'mismatch' });
    await receiver.close();
  });

  test('a Slack channel gets a { text, blocks } message linking to the action, with sensitive values masked and agent text inert', async ({
    baseURL,
  }) => {
    const group = await createTestGroup('slack');
    const { receiver } = await channelWithReceiver({ groupId: group.id, kind: 'slack' });
    const agent = await createTestAgent();
    const tool = await createTool(SETUP, {
      name: uniqueName('refund').replaceAll('-', '_'),
      description: 'refunds an order to a card',
      actionLevel: 'external',
      parameters: {
        type: 'object',
        properties: { orderId: { type: 'string' }, amount: { type: 'number' }, cardNumber: { type: 'string' } },
        required: ['orderId', 'amount', 'cardNumber'],
      },
      sensitiveFields: ['cardNumber'],
      summaryTemplate: 'Refund {amount} to order {orderId} on card {cardNumber}',
    });
    await grantTool(SETUP, {
      agent: { id: agent.id },
      tool: tool.name,
      rules: { approvals: 1, reviewGroupId: group.id },
    });
    const client = agentClient(baseURL!, (await createTestAgentKey(agent)).key);
    const reply = await client.propose({
      tool: tool.name,
      params: { orderId: 'ORD-7 <https://evil.example|click here>', amount: 129.5, cardNumber: '4111111111111111' },
    });
    expect(reply.body.status).toBe('pending_review');
    const id = reply.body.id as string;

    const message = await eventually(() => receiver.requests[0], 20_000, 'the Slack message');
    expect(message.headers['warden-signature']).toBeUndefined();
    expect(message.rawBody).not.toContain('4111111111111111');
    const link = `${baseURL}/actions/${id}`;
    expect(message.body.text).toContain(`<${link}|Open in Warden>`);
    expect(message.body.text).toContain(
      'Refund 129.5 to order ORD-7 &lt;https://evil.example|click here&gt; on card ••••••',
    );
    expect(message.body.text).toContain(agent.name);
    expect(message.body.blocks).toContainEqual({
      type: 'section',
      text: {
        type: 'plain_text',
        text: 'Refund 129.5 to order ORD-7 <https://evil.example|click here> on card ••••••',
        emoji: false,
      },
    });
    expect(message.body.blocks).toContainEqual({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Warden' }, url: link }],
    });
    await receiver.close();
  });
});

test.describe('escalation ladder', () => {
  test("an overdue action moves to the ladder's next group, once, and that group's channel is told", async ({
    baseURL,
  }) => {
    const [first, next] = [await createTestGroup('first-line'), await createTestGroup('managers')];
    const firstChannel = await channelWithReceiver({ groupId: first.id });
    const nextChannel = await channelWithReceiver({ groupId: next.id });
    const { tool, client } = await seedReviewedAgent(baseURL!, {
      reviewGroupId: first.id,
      escalationLadder: [{ afterMinutes: 5, groupId: next.id }],
    });
    const id = await proposeTicket(client, tool, 'pending_review');
    await eventually(() => firstChannel.receiver.ofEvent('review_requested')[0], 20_000, 'the first group to be asked');

    // Not yet due: a few worker runs later it is still with the first group.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await db().action.findUniqueOrThrow({ where: { id } })).toMatchObject({
      assignedGroupId: first.id,
      escalationLevel: 0,
    });

    // Proposed six minutes ago, as far as the ladder can tell.
    await db().action.update({ where: { id }, data: { createdAt: new Date(Date.now() - 6 * 60_000) } });
    const escalated = await eventually(
      () => nextChannel.receiver.ofEvent('escalated')[0],
      20_000,
      "the next group's escalation notice",
    );
    expect(escalated.signature).toMatchObject({ ok: true });
    expect(escalated.body).toMatchObject({
      event: 'escalated',
      action: { id, url: `${baseURL}/actions/${id}`, group: { id: next.id, name: next.name }, escalationLevel: 1 },
      escalation: { fromGroup: first.name, toGroup: next.name, level: 1, automatic: true },
    });
    expect(await db().action.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'pending_review',
      assignedGroupId: next.id,
      escalationLevel: 1,
    });

    // Once: more runs later there is still one escalation, by the system, and the first group heard nothing more.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const events = (await auditEventsOfAction(id)).filter((event) => event.type === 'action.escalated');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorType: 'system',
      actorId: 'escalation-ladder',
      payload: {
        fromGroupId: first.id,
        toGroupId: next.id,
        fromGroup: first.name,
        toGroup: next.name,
        level: 1,
        automatic: true,
        note: null,
      },
    });
    expect(firstChannel.receiver.ofEvent('escalated')).toHaveLength(0);
    expect(nextChannel.receiver.ofEvent('review_requested')).toHaveLength(0);
    expect(nextChannel.receiver.ofEvent('escalated')).toHaveLength(1);
    await firstChannel.receiver.close();
    await nextChannel.receiver.close();
  });
});

// Drafts (issue 13 §2): a draft-only agent's write ends as a draft; a person promotes it (a NEW pending action,
// linked both ways, through the gate's current rules) or discards it, each once; the agent lists its drafts.
import { agentClient } from '../fixtures/agent-client';
import { auditEventsOfAction } from '../fixtures/audit';
import { consoleSession, type ActionReply } from '../fixtures/console-session';
import { createTestUser, SETUP, seedAgentWithTool, type TestUser } from '../fixtures/factories';
import { proposeTicket } from '../fixtures/scenarios';
import { expect, test } from '../fixtures/test';
import { appModule } from '../fixtures/app-module';

const { pauseAgent, resumeAgent } = appModule<typeof import('@/lib/agents/set-agent-status')>(
  '@/lib/agents/set-agent-status',
);
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { revokeGrant } = appModule<typeof import('@/lib/grants/revoke-grant')>('@/lib/grants/revoke-grant');

async function draftOf(baseURL: string, options: { approvalRequired?: boolean } = {}) {
  const seeded = await seedAgentWithTool({
    mode: 'draft_only',
    actionLevel: 'create',
    approvalRequired: options.approvalRequired ?? false,
  });
  const agent = agentClient(baseURL, seeded.key);
  const draftId = await proposeTicket(agent, seeded.tool, 'draft');
  return { ...seeded, client: agent, draftId };
}

async function asPerson(
  baseURL: string,
  user: TestUser,
  action: 'promoteDraftMutation' | 'discardDraftMutation',
  draftId: string,
): Promise<ActionReply> {
  const session = await consoleSession(baseURL, user);
  try {
    return await session.call(action, { draftId }, `/actions/${draftId}`);
  } finally {
    await session.dispose();
  }
}

const row = (id: string) => db().action.findUniqueOrThrow({ where: { id } });

test.describe('promoting a draft', () => {
  test('queues a new pending action with the same params hash, linked both ways, even where the grant would approve on its own', async ({
    baseURL,
  }) => {
    const { draftId } = await draftOf(baseURL!, { approvalRequired: false });
    const reviewer = await createTestUser(['reviewer']);

    const reply = await asPerson(baseURL!, reviewer, 'promoteDraftMutation', draftId);
    expect(reply).toMatchObject({ ok: true });
    if (!reply.ok) throw new Error(`promotion refused: ${reply.error}`);
    const promotedId = String(reply.data.promotedActionId);

    const [draft, promoted] = await Promise.all([row(draftId), row(promotedId)]);
    expect(draft).toMatchObject({
      status: 'draft',
      draftFate: 'promoted',
      draftFateById: reviewer.id,
      promotedActionId: promotedId,
    });
    expect(promoted).toMatchObject({
      status: 'pending_review',
      promotedFromId: draftId,
      paramsHash: draft.paramsHash,
      params: draft.params,
      approvalsRequired: 1,
    });
    expect(JSON.parse(promoted.gateReasons)).toEqual([
      'review: promoted from a draft: a person asked for it to be reviewed',
    ]);
    expect((await auditEventsOfAction(draftId)).map((e) => e.type)).toEqual([
      'action.proposed',
      'gate.decided',
      'draft.promoted',
    ]);
    const trail = await auditEventsOfAction(promotedId);
    expect(trail.map((e) => e.type)).toEqual(['action.promoted_from_draft', 'gate.decided']);
    expect(trail[0]).toMatchObject({ actorType: 'user', actorId: reviewer.id, payload: { draftId } });
    expect(trail[1].payload).toMatchObject({ outcome: 'pending_review' });
  });

  test('the owner may promote; a second promotion, or discarding it afterwards, is refused naming the fate', async ({
    baseURL,
  }) => {
    const { draftId, owner } = await draftOf(baseURL!);
    expect(await asPerson(baseURL!, owner, 'promoteDraftMutation', draftId)).toMatchObject({ ok: true });
    const { promotedActionId } = await row(draftId);

    const again = await asPerson(baseURL!, owner, 'promoteDraftMutation', draftId);
    expect(again).toEqual({ ok: false, error: `This draft was already promoted (to action ${promotedActionId}).` });
    const discard = await asPerson(baseURL!, await createTestUser(['admin']), 'discardDraftMutation', draftId);
    expect(discard).toEqual({ ok: false, error: `This draft was already promoted (to action ${promotedActionId}).` });
    expect(await db().action.count({ where: { promotedFromId: draftId } })).toBe(1);
  });

  test("is refused with the gate's reasons while the agent is paused, and recorded on the draft", async ({
    baseURL,
  }) => {
    const { draftId, agent } = await draftOf(baseURL!);
    await pauseAgent(SETUP, { id: agent.id });

    const reply = await asPerson(baseURL!, await createTestUser(['reviewer']), 'promoteDraftMutation', draftId);
    expect(reply).toEqual({ ok: false, error: 'The gate refuses this promotion now: blocked: agent is paused.' });
    expect(await row(draftId)).toMatchObject({ draftFate: null, promotedActionId: null });
    const refused = (await auditEventsOfAction(draftId)).at(-1)!;
    expect(refused).toMatchObject({
      type: 'draft.promotion_refused',
      payload: { reasons: ['blocked: agent is paused'] },
    });

    await resumeAgent(SETUP, { id: agent.id });
    expect(await asPerson(baseURL!, await createTestUser(['reviewer']), 'promoteDraftMutation', draftId)).toMatchObject(
      { ok: true },
    );
  });

  test('is refused once the grant is revoked: a promotion never bypasses a grant', async ({ baseURL }) => {
    const { draftId, agent, tool } = await draftOf(baseURL!);
    const grant = await db().grant.findFirstOrThrow({ where: { agentId: agent.id, toolId: tool.id } });
    await revokeGrant(SETUP, grant.id);

    const reply = await asPerson(baseURL!, await createTestUser(['admin']), 'promoteDraftMutation', draftId);
    expect(reply).toEqual({
      ok: false,
      error: `The gate refuses this promotion now: blocked: tool ${tool.name} is not granted to this agent.`,
    });
    expect(await db().action.count({ where: { promotedFromId: draftId } })).toBe(0);
  });

  test('another owner and a viewer may not promote or discard', async ({ baseURL }) => {
    const { draftId } = await draftOf(baseURL!);
    for (const user of [await createTestUser(['owner']), await createTestUser(['viewer'])]) {
      for (const action of ['promoteDraftMutation', 'discardDraftMutation'] as const) {
        expect(await asPerson(baseURL!, user, action, draftId)).toEqual({
          ok: false,
          error: 'Not allowed: this needs a reviewer, an admin or the owner of this agent.',
        });
      }
    }
    expect(await row(draftId)).toMatchObject({ draftFate: null });
  });

  test('an action that is not a draft is no such draft', async ({ baseURL }) => {
    const seeded = await seedAgentWithTool({ approvalRequired: true });
    const pendingId = await proposeTicket(agentClient(baseURL!, seeded.key), seeded.tool, 'pending_review');
    expect(await asPerson(baseURL!, await createTestUser(['admin']), 'promoteDraftMutation', pendingId)).toEqual({
      ok: false,
      error: 'No such draft.',
    });
  });
});

test.describe('discarding a draft', () => {
  test('marks it discarded, audited; a second discard or a promotion is refused naming the fate', async ({
    baseURL,
  }) => {
    const { draftId, owner } = await draftOf(baseURL!);
    expect(await asPerson(baseURL!, owner, 'discardDraftMutation', draftId)).toMatchObject({ ok: true });
    expect(await row(draftId)).toMatchObject({
      status: 'draft',
      draftFate: 'discarded',
      draftFateById: owner.id,
      promotedActionId: null,
    });
    expect((await auditEventsOfAction(draftId)).at(-1)).toMatchObject({ type: 'draft.discarded', actorId: owner.id });

    const reviewer = await createTestUser(['reviewer']);
    expect(await asPerson(baseURL!, reviewer, 'discardDraftMutation', draftId)).toEqual({
      ok: false,
      error: 'This draft was already discarded.',
    });
    expect(await asPerson(baseURL!, reviewer, 'promoteDraftMutation', draftId)).toEqual({
      ok: false,
      error: 'This draft was already discarded.',
    });
  });
});

test.describe('GET /api/v1/actions?status=', () => {
  test("lists the agent's own drafts with their fate, newest first, a page at a time", async ({ baseURL }) => {
    const { client, tool, draftId: first, owner } = await draftOf(baseURL!);
    const second = await proposeTicket(client, tool, 'draft');
    const third = await proposeTicket(client, tool, 'draft');
    await draftOf(baseURL!); // another agent's draft: never listed
    expect(await asPerson(baseURL!, owner, 'promoteDraftMutation', first)).toMatchObject({ ok: true });
    expect(await asPerson(baseURL!, owner, 'discardDraftMutation', second)).toMatchObject({ ok: true });
    const promotedId = (await row(first)).promotedActionId;

    const page1 = await client.request('GET', '/api/v1/actions?status=draft&limit=2');
    expect(page1.status).toBe(200);
    expect(page1.body.actions.map((a: { id: string }) => a.id)).toEqual([third, second]);
    expect(page1.body.actions[0]).toEqual({
      id: third,
      tool: tool.name,
      status: 'draft',
      createdAt: expect.any(String),
      fate: null,
      promotedActionId: null,
      promotedFromId: null,
    });
    expect(page1.body.actions[1]).toMatchObject({ fate: 'discarded' });
    expect(page1.body.nextCursor).toBe(second);

    const page2 = await client.request('GET', `/api/v1/actions?status=draft&limit=2&after=${page1.body.nextCursor}`);
    expect(page2.body).toEqual({
      actions: [expect.objectContaining({ id: first, fate: 'promoted', promotedActionId: promotedId })],
      nextCursor: null,
    });

    const pending = await client.request('GET', '/api/v1/actions?status=pending_review');
    expect(pending.body.actions).toEqual([
      expect.objectContaining({ id: promotedId, status: 'pending_review', promotedFromId: first, fate: null }),
    ]);
  });

  test('names the bad query field; refuses a request without a key', async ({ baseURL }) => {
    const { client } = await draftOf(baseURL!);
    const missing = await client.request('GET', '/api/v1/actions');
    expect(missing.status).toBe(422);
    expect(JSON.stringify(missing.body)).toContain('status');
    const unknown = await client.request('GET', '/api/v1/actions?status=done');
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.body)).toContain('must be one of the action statuses');
    const tooMany = await client.request('GET', '/api/v1/actions?status=draft&limit=101');
    expect(tooMany.status).toBe(422);
    expect(JSON.stringify(tooMany.body)).toContain('must be at most 100');
    expect((await agentClient(baseURL!, null).request('GET', '/api/v1/actions?status=draft')).status).toBe(401);
  });
});

import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { actionStatusInDatabase, auditEventsOfAction, auditTypesOfAction } from '../fixtures/audit';
import { createTestUser, SETUP } from '../fixtures/factories';
import { refund, seedGrantedAgent } from '../fixtures/gate-factories';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { rejectAction } = appModule<typeof import('@/lib/actions/reject-action')>('@/lib/actions/reject-action');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { updateGrant } = appModule<typeof import('@/lib/grants/update-grant')>('@/lib/grants/update-grant');

const claimWithBody = (agent: ReturnType<typeof agentClient>, id: string, body: unknown) =>
  agent.request('POST', `/api/v1/actions/${encodeURIComponent(id)}/claim`, JSON.stringify(body), {
    'content-type': 'application/json',
  });

test.describe('an approval is bound to the exact parameters', () => {
  test('a claim stating another paramsHash gets 409 params_mismatch; the action stays approved; the right hash claims it', async ({
    baseURL,
  }) => {
    const { tool, key } = await seedGrantedAgent({ approvals: 0 });
    const agent = agentClient(baseURL!, key);
    const { body: proposed } = await agent.propose({ tool: tool.name, params: refund(20) });
    expect(proposed.status).toBe('approved');

    const wrong = await claimWithBody(agent, proposed.id, { paramsHash: 'f'.repeat(64) });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error).toMatchObject({ code: 'conflict', status: 'approved', reason: 'params_mismatch' });
    expect(await actionStatusInDatabase(proposed.id)).toBe('approved');
    expect(await auditTypesOfAction(proposed.id)).toEqual(['action.proposed', 'gate.decided']);

    const malformed = await claimWithBody(agent, proposed.id, { paramsHash: 'not-a-hash' });
    expect(malformed.status).toBe(422);
    expect(malformed.body.error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'paramsHash' }] });

    const { body: view } = await agent.getAction(proposed.id);
    expect(view.paramsHash).toMatch(/^[0-9a-f]{64}$/);
    const right = await claimWithBody(agent, proposed.id, { paramsHash: view.paramsHash });
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ id: proposed.id, status: 'executing', paramsHash: view.paramsHash });
    expect((await auditTypesOfAction(proposed.id)).at(-1)).toBe('action.claimed');
  });

  test('the same parameters in another key order have the same hash; other parameters another one', async ({
    baseURL,
  }) => {
    const { tool, key } = await seedGrantedAgent({ approvals: 0 });
    const agent = agentClient(baseURL!, key);
    const a = (await agent.propose({ tool: tool.name, params: { orderId: 'ORD-9', amount: 5 } })).body;
    const b = (await agent.propose({ tool: tool.name, params: { amount: 5, orderId: 'ORD-9' } })).body;
    const c = (await agent.propose({ tool: tool.name, params: { orderId: 'ORD-9', amount: 6 } })).body;
    const hash = async (id: string) => (await agent.getAction(id)).body.paramsHash;
    expect(await hash(b.id)).toBe(await hash(a.id));
    expect(await hash(c.id)).not.toBe(await hash(a.id));

    const crossed = await claimWithBody(agent, c.id, { paramsHash: await hash(a.id) });
    expect(crossed.status).toBe(409);
    expect(crossed.body.error.reason).toBe('params_mismatch');
  });
});

test.describe('quorum: a grant that needs two approvals', () => {
  async function pendingForTwo(baseURL: string) {
    const seeded = await seedGrantedAgent({ approvals: 2 });
    const agent = agentClient(baseURL, seeded.key);
    const reply = await agent.propose({ tool: seeded.tool.name, params: refund(20) });
    expect(reply.body).toMatchObject({
      status: 'pending_review',
      decision: { reasons: ['review: grant requires 2 approvals'] },
    });
    return { ...seeded, agent, id: reply.body.id as string };
  }

  test('the first approval is recorded and leaves it pending; the same reviewer twice is refused; a second reviewer approves', async ({
    baseURL,
  }) => {
    const { agent, id, grant } = await pendingForTwo(baseURL!);
    const ann = await createTestUser(['reviewer'], 'Ann Reviewer');
    const bob = await createTestUser(['reviewer'], 'Bob Reviewer');
    expect((await agent.getAction(id)).body.approvalsRequired).toBe(2);

    expect(await approveAction(ann.actor, { actionId: id, comment: 'looks right' })).toEqual({
      status: 'pending_review',
      approvals: 1,
      required: 2,
      missingGroups: [],
    });
    expect(await actionStatusInDatabase(id)).toBe('pending_review');
    const recorded = (await auditEventsOfAction(id)).at(-1);
    expect(recorded).toMatchObject({
      type: 'action.approval_recorded',
      actorType: 'user',
      actorId: ann.id,
      payload: { comment: 'looks right', approvals: 1, required: 2 },
    });
    const early = await agent.claim(id);
    expect(early.status).toBe(409);
    expect(early.body.error.status).toBe('pending_review');

    await expect(approveAction(ann.actor, { actionId: id })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('already approved'),
    });
    expect(await actionStatusInDatabase(id)).toBe('pending_review');

    // The number of approvals was fixed when the action was proposed: lowering the grant now changes nothing for it.
    await updateGrant(SETUP, { grantId: grant.id, expectedVersion: 1, rules: { approvals: 1 } });
    expect(await actionStatusInDatabase(id)).toBe('pending_review');

    expect(await approveAction(bob.actor, { actionId: id })).toEqual({
      status: 'approved',
      approvals: 2,
      required: 2,
      missingGroups: [],
    });
    expect(await auditTypesOfAction(id)).toEqual([
      'action.proposed',
      'gate.decided',
      'action.approval_recorded',
      'action.approved',
    ]);
    expect((await auditEventsOfAction(id)).at(-1)).toMatchObject({ actorId: bob.id });
    expect((await agent.getAction(id)).body).toMatchObject({ status: 'approved', decision: { decidedBy: bob.name } });
    expect((await agent.claim(id)).status).toBe(200);
  });

  test('one rejection after one approval rejects', async ({ baseURL }) => {
    const { agent, id } = await pendingForTwo(baseURL!);
    const ann = await createTestUser(['reviewer'], 'Ann Reviewer');
    const bob = await createTestUser(['reviewer'], 'Bob Reviewer');

    await approveAction(ann.actor, { actionId: id });
    expect(await rejectAction(bob.actor, { actionId: id, comment: 'not this order' })).toMatchObject({
      status: 'rejected',
    });
    expect(await auditTypesOfAction(id)).toEqual([
      'action.proposed',
      'gate.decided',
      'action.approval_recorded',
      'action.rejected',
    ]);
    expect((await agent.getAction(id)).body).toMatchObject({
      status: 'rejected',
      decision: { reason: 'not this order', decidedBy: bob.name },
    });
    expect((await agent.claim(id)).body.error.status).toBe('rejected');
  });

  test('of two second approvals sent at once, exactly one decides', async ({ baseURL }) => {
    const { agent, id } = await pendingForTwo(baseURL!);
    const [ann, bob, cid] = await Promise.all(
      ['Ann', 'Bob', 'Cid'].map((name) => createTestUser(['reviewer'], `${name} Reviewer`)),
    );
    await approveAction(ann.actor, { actionId: id });

    const outcomes = await Promise.allSettled([
      approveAction(bob.actor, { actionId: id }),
      approveAction(cid.actor, { actionId: id }),
    ]);
    const won = outcomes.filter(
      (
        o,
      ): o is PromiseFulfilledResult<{
        status: string;
        approvals: number;
        required: number;
        missingGroups: string[];
      }> => o.status === 'fulfilled',
    );
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(won[0].value).toEqual({ status: 'approved', approvals: 2, required: 2, missingGroups: [] });
    const winner = outcomes[0].status === 'fulfilled' ? bob : cid;
    expect(lost[0].reason).toMatchObject({
      code: 'conflict',
      details: { status: 'approved', decidedBy: winner.email },
    });

    expect((await auditEventsOfAction(id)).filter((e) => e.type === 'action.approved').map((e) => e.actorId)).toEqual([
      winner.id,
    ]);
    expect(await db().actionApproval.count({ where: { actionId: id } }), "the loser's approval was rolled back").toBe(
      2,
    );
    expect((await agent.getAction(id)).body).toMatchObject({
      status: 'approved',
      decision: { decidedBy: winner.name },
    });
  });
});

import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { actionStatusInDatabase, auditEventsOfAction } from '../fixtures/audit';
import {
  createTestAgent,
  createTestAgentKey,
  createTestUser,
  SETUP,
  VALID_TICKET,
  type TestUser,
} from '../fixtures/factories';
import { createTestGroup } from '../fixtures/group-factories';
import { backdateAction, proposePending as propose, seedQueueAgent as seed } from '../fixtures/queue-factories';
import { serverActionRequest } from '../fixtures/server-actions';
import { signInWithRequest } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { countPendingFacets } = appModule<typeof import('@/lib/actions/count-pending-facets')>(
  '@/lib/actions/count-pending-facets',
);
const { listPendingActions } = appModule<typeof import('@/lib/actions/list-pending-actions')>(
  '@/lib/actions/list-pending-actions',
);
const { rejectAction } = appModule<typeof import('@/lib/actions/reject-action')>('@/lib/actions/reject-action');
const { reviewActionBatch } = appModule<typeof import('@/lib/actions/review-action-batch')>(
  '@/lib/actions/review-action-batch',
);
const { grantTool } = appModule<typeof import('@/lib/grants/grant-tool')>('@/lib/grants/grant-tool');
const { createTool } = appModule<typeof import('@/lib/tools/create-tool')>('@/lib/tools/create-tool');

const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
type Filter = Parameters<typeof countPendingFacets>[1];
/** One page of the queue (ample: other specs share the database) and its counts, as the queue page reads them. */
async function queueOf(user: TestUser, filter: Filter = {}) {
  const [page, counts] = await Promise.all([
    listPendingActions(user.actor, { filter, sort: 'newest', limit: 200 }),
    countPendingFacets(user.actor, filter),
  ]);
  return { actions: page.rows, counts, canDecide: page.canDecide };
}

test.describe('review queue: filters and counts', () => {
  test('filters by agent, tool, action level, risk flag, requester and age; counts per agent and risk', async () => {
    const reviewer = await createTestUser(['reviewer']);
    const writer = await seed({ actionLevel: 'create' });
    const mailer = await seed({ actionLevel: 'external' });
    const cited = await propose(writer.client, writer.tool, {
      requester: 'Dana.Requester@corp.test',
      sources: [{ title: 'ticket 1042' }],
    });
    const uncited = await propose(writer.client, writer.tool);
    const mail = await propose(mailer.client, mailer.tool, { sources: [{ title: 'thread' }] });
    await backdateAction(uncited, 90);
    const ours = [cited, uncited, mail].sort();

    // Other specs share this database: every check is narrowed to this test's agents.
    const mine = (rows: { id: string }[]) => ids(rows).filter((id) => ours.includes(id));
    expect(mine((await queueOf(reviewer)).actions)).toEqual(ours);
    expect(ids((await queueOf(reviewer, { agent: writer.agent.name })).actions)).toEqual([cited, uncited].sort());
    expect(ids((await queueOf(reviewer, { tool: mailer.tool.name })).actions)).toEqual([mail]);
    expect(mine((await queueOf(reviewer, { level: 'external' })).actions)).toEqual([mail]);
    expect(mine((await queueOf(reviewer, { level: 'create' })).actions)).toEqual([cited, uncited].sort());
    expect(mine((await queueOf(reviewer, { risk: 'no_sources' })).actions)).toEqual([uncited]);
    expect(mine((await queueOf(reviewer, { risk: 'unverified_requester' })).actions)).toEqual([cited]);
    expect(mine((await queueOf(reviewer, { requester: 'dana.requester@' })).actions)).toEqual([cited]);
    expect(mine((await queueOf(reviewer, { age: '1h' })).actions)).toEqual([uncited]);
    expect(mine((await queueOf(reviewer, { age: '4h' })).actions)).toEqual([]);

    const byTool = await queueOf(reviewer, { tool: writer.tool.name });
    expect(byTool.counts.byAgent).toEqual([{ name: writer.agent.name, count: 2 }]);
    expect(byTool.counts.byRisk).toEqual({ no_sources: 1, unverified_requester: 1 });
    expect(byTool.counts.matching).toBe(2);
    // Faceted: with an agent chosen, the agent counts still show every agent under the other filters.
    const chosen = await queueOf(reviewer, { tool: writer.tool.name, agent: writer.agent.name, risk: 'no_sources' });
    expect(ids(chosen.actions)).toEqual([uncited]);
    expect(chosen.counts.byAgent).toEqual([{ name: writer.agent.name, count: 1 }]);
    expect(chosen.counts.byRisk).toEqual({ no_sources: 1, unverified_requester: 1 });

    const row = (await queueOf(reviewer, { tool: writer.tool.name })).actions.find((action) => action.id === uncited)!;
    expect(row).toMatchObject({
      agent: writer.agent.name,
      tool: writer.tool.name,
      actionLevel: 'create',
      approvals: 0,
      required: 1,
      waitingForMe: true,
    });
    expect(Date.parse(row.expiresAt!) - Date.parse(row.createdAt)).toBeGreaterThan(60 * 60_000);
    expect(row.riskFlags.map((flag) => flag.code)).toEqual(['no_sources']);
    expect(row).toMatchObject({ supportsRollback: false, traceSize: 1 });
  });

  test("rows show the tool's summary, with sensitive values masked for roles that may not see them", async () => {
    const reviewer = await createTestUser(['reviewer']);
    const viewer = await createTestUser(['viewer']);
    const agent = await createTestAgent();
    const tool = await createTool(SETUP, {
      name: `${agent.name.replaceAll('-', '_')}_ticket`,
      description: 'opens a ticket',
      actionLevel: 'create',
      parameters: { type: 'object', properties: { title: { type: 'string' }, priority: { type: 'integer' } } },
      sensitiveFields: ['title'],
      summaryTemplate: 'Ticket {title} at priority {priority}',
    });
    await grantTool(SETUP, { agent: { id: agent.id }, tool: tool.name, approvalRequired: true });
    const client = agentClient(test.info().project.use.baseURL!, (await createTestAgentKey(agent)).key);
    await propose(client, tool);
    expect((await queueOf(reviewer, { tool: tool.name })).actions[0].summary).toBe(
      `Ticket ${VALID_TICKET.title} at priority 2`,
    );
    expect((await queueOf(viewer, { tool: tool.name })).actions[0].summary).toBe('Ticket •••••• at priority 2');
  });

  test("a risk flag's cause never quotes a sensitive value to a role that sees it masked", async () => {
    const reviewer = await createTestUser(['reviewer']);
    const viewer = await createTestUser(['viewer']);
    const agent = await createTestAgent();
    const tool = await createTool(SETUP, {
      name: `${agent.name.replaceAll('-', '_')}_payout`,
      description: 'changes a payout account',
      actionLevel: 'update',
      parameters: { type: 'object', properties: { iban: { type: 'string' } } },
      sensitiveFields: ['iban'],
    });
    await grantTool(SETUP, { agent: { id: agent.id }, tool: tool.name, approvalRequired: true });
    const client = agentClient(test.info().project.use.baseURL!, (await createTestAgentKey(agent)).key);
    const reply = await client.propose({
      tool: tool.name,
      params: { iban: 'DE89370400440532013000' },
      currentValues: { iban: 'GB29NWBK60161331926819' },
      sources: [{ title: 'ticket' }],
    });
    expect(reply.body.status).toBe('pending_review');
    const payee = (rows: { riskFlags: { code: string; cause: string }[] }[]) =>
      rows[0].riskFlags.filter((flag) => flag.code === 'changed_payee');
    expect(payee((await queueOf(reviewer, { tool: tool.name })).actions)[0].cause).toContain('DE89370400440532013000');
    const masked = payee((await queueOf(viewer, { tool: tool.name })).actions);
    expect(masked).toHaveLength(1);
    expect(JSON.stringify(masked)).not.toMatch(/DE8937|GB29NW/);
  });

  test('a viewer sees the queue but nothing waits for them', async () => {
    const viewer = await createTestUser(['viewer']);
    const { client, tool } = await seed();
    const id = await propose(client, tool);
    const queue = await queueOf(viewer, { tool: tool.name });
    expect(queue.actions).toMatchObject([{ id, waitingForMe: false }]);
    expect(queue.canDecide).toBe(false);
    expect((await queueOf(viewer, { tool: tool.name, mine: true })).actions).toEqual([]);
  });
});

test.describe('review queue: waiting for me', () => {
  test('not for the requester, not for the owner (unless the grant allows), an override for an admin', async () => {
    const ann = await createTestUser(['reviewer'], 'Ann');
    const bob = await createTestUser(['reviewer'], 'Bob');
    const admin = await createTestUser(['admin'], 'Ada Admin');
    const olive = await createTestUser(['owner', 'reviewer'], 'Olive Owner');
    const plain = await seed({ owner: olive });
    const lenient = await seed({ owner: olive, rules: { ownerMayApprove: true } });
    const forAnn = await propose(plain.client, plain.tool, { requester: ann.email.toUpperCase() });
    const forAdmin = await propose(plain.client, plain.tool, { requester: admin.email });
    const ownersMay = await propose(lenient.client, lenient.tool);
    const tools = [plain.tool.name, lenient.tool.name];
    const waiting = async (user: TestUser) => {
      const rows = (await queueOf(user, { mine: true })).actions.filter((row) => tools.includes(row.tool));
      return Object.fromEntries(rows.map((row) => [row.id, row.override ? 'override' : 'yes']));
    };

    expect(await waiting(ann)).toEqual({ [forAdmin]: 'yes', [ownersMay]: 'yes' });
    expect(await waiting(bob)).toEqual({ [forAnn]: 'yes', [forAdmin]: 'yes', [ownersMay]: 'yes' });
    expect(await waiting(olive)).toEqual({ [ownersMay]: 'yes' });
    expect(await waiting(admin)).toEqual({ [forAnn]: 'yes', [forAdmin]: 'override', [ownersMay]: 'yes' });

    // The rule agrees with the decision itself.
    await expect(approveAction(ann.actor, { actionId: forAnn })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(approveAction(olive.actor, { actionId: forAdmin })).rejects.toMatchObject({ code: 'forbidden' });
    await approveAction(olive.actor, { actionId: ownersMay });
    expect(await actionStatusInDatabase(ownersMay)).toBe('approved');
    await approveAction(admin.actor, { actionId: forAdmin });
    expect((await auditEventsOfAction(forAdmin)).at(-1)).toMatchObject({
      type: 'action.approved',
      payload: { override: expect.stringContaining('admin override') },
    });
  });

  test('quorum: not after my own approval, and not without the required group; an assigned group waits only for its members', async () => {
    const fay = await createTestUser(['reviewer'], 'Fay Finance');
    const lou = await createTestUser(['reviewer'], 'Lou Legal');
    const bob = await createTestUser(['reviewer'], 'Bob');
    const admin = await createTestUser(['admin'], 'Ada Admin');
    const finance = await createTestGroup('finance', [fay]);
    const legal = await createTestGroup('legal', [lou]);
    const twoKeys = await seed({ rules: { approvals: 2 } });
    const financeOnly = await seed({ rules: { approvals: 1, requiredGroups: [finance.id] } });
    const routed = await seed({ rules: { approvals: 1, reviewGroupId: legal.id } });
    const two = await propose(twoKeys.client, twoKeys.tool);
    const fin = await propose(financeOnly.client, financeOnly.tool);
    const leg = await propose(routed.client, routed.tool);
    const tools = [twoKeys.tool.name, financeOnly.tool.name, routed.tool.name];
    const waiting = async (user: TestUser) =>
      ids((await queueOf(user, { mine: true })).actions.filter((row) => tools.includes(row.tool)));

    expect(await waiting(bob)).toEqual([two]);
    expect(await waiting(fay)).toEqual([two, fin].sort());
    expect(await waiting(lou)).toEqual([two, leg].sort());
    expect(await waiting(admin)).toEqual([two, leg].sort()); // an admin outside finance cannot complete its quorum

    const row = (await queueOf(bob, { tool: routed.tool.name })).actions[0];
    expect(row).toMatchObject({ id: leg, assignedGroup: legal.name, waitingForMe: false });

    await approveAction(bob.actor, { actionId: two });
    expect(await waiting(bob)).toEqual([]);
    expect((await queueOf(fay, { tool: twoKeys.tool.name })).actions[0]).toMatchObject({
      id: two,
      approvals: 1,
      required: 2,
      waitingForMe: true,
    });
    await expect(approveAction(bob.actor, { actionId: fin })).rejects.toMatchObject({ code: 'forbidden' });
    await approveAction(fay.actor, { actionId: fin });
    expect(await actionStatusInDatabase(fin)).toBe('approved');
  });
});

test.describe('review queue: decisions per trace', () => {
  test('approving a whole trace decides each action on its own; one decided meanwhile by someone else is reported', async () => {
    const ann = await createTestUser(['reviewer'], 'Ann');
    const bob = await createTestUser(['reviewer'], 'Bob Early');
    const { client, tool } = await seed();
    const traceId = `trace-${Date.now()}`;
    const [first, second, third] = [
      await propose(client, tool, { traceId }),
      await propose(client, tool, { traceId }),
      await propose(client, tool, { traceId }),
    ];
    const lone = await propose(client, tool);

    const queue = await queueOf(ann, { tool: tool.name });
    expect(queue.actions.filter((row) => row.traceId === traceId).map((row) => row.traceSize)).toEqual([3, 3, 3]);
    expect(queue.actions.find((row) => row.id === lone)?.traceSize).toBe(1);
    expect(ids((await queueOf(ann, { trace: traceId })).actions)).toEqual([first, second, third].sort());

    await rejectAction(bob.actor, { actionId: second, comment: 'not this one' });
    const results = await reviewActionBatch(ann.actor, {
      actionIds: [first, second, third],
      decision: 'approved',
      comment: 'whole trace',
    });
    expect(results).toEqual([
      { actionId: first, result: 'approved' },
      {
        actionId: second,
        result: 'refused',
        reason: expect.stringContaining(`already decided by ${bob.name} (${bob.email})`),
      },
      { actionId: third, result: 'approved' },
    ]);
    expect([
      await actionStatusInDatabase(first),
      await actionStatusInDatabase(second),
      await actionStatusInDatabase(third),
    ]).toEqual(['approved', 'rejected', 'approved']);
    for (const id of [first, third]) {
      const approved = (await auditEventsOfAction(id)).filter((event) => event.type === 'action.approved');
      expect(approved).toEqual([expect.objectContaining({ actorId: ann.id, payload: { comment: 'whole trace' } })]);
    }
    expect((await auditEventsOfAction(second)).filter((event) => event.actorId === ann.id)).toEqual([]);
    expect(await actionStatusInDatabase(lone)).toBe('pending_review');
  });

  test('a batch reports approvals still short of the quorum, refusals by separation of duties, and rejects', async () => {
    const ann = await createTestUser(['reviewer'], 'Ann');
    const two = await seed({ rules: { approvals: 2 } });
    const traceId = `trace-${Date.now()}-q`;
    const needsTwo = await propose(two.client, two.tool, { traceId });
    const forAnn = await propose(two.client, two.tool, { traceId, requester: ann.email });
    expect(await reviewActionBatch(ann.actor, { actionIds: [needsTwo, forAnn], decision: 'approved' })).toEqual([
      { actionId: needsTwo, result: 'needs_more_approvals', approvals: 1, required: 2, missingGroups: [] },
      { actionId: forAnn, result: 'refused', reason: expect.stringContaining('requested on your own behalf') },
    ]);
    expect(
      await reviewActionBatch(ann.actor, {
        actionIds: [needsTwo, forAnn],
        decision: 'rejected',
        comment: 'stop',
      }),
    ).toEqual([
      { actionId: needsTwo, result: 'rejected' },
      { actionId: forAnn, result: 'rejected' },
    ]);
    await expect(
      reviewActionBatch(ann.actor, { actionIds: [needsTwo, needsTwo], decision: 'approved' }),
    ).rejects.toThrow(/each action only once/);
    const viewer = await createTestUser(['viewer']);
    await expect(
      reviewActionBatch(viewer.actor, { actionIds: [needsTwo], decision: 'approved' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  test('the console server action decides a batch for the signed-in reviewer', async ({ request }) => {
    const ann = await createTestUser(['reviewer'], 'Ann');
    const { client, tool } = await seed();
    const traceId = `trace-${Date.now()}-sa`;
    const a = await propose(client, tool, { traceId });
    const b = await propose(client, tool, { traceId });
    await signInWithRequest(request, ann.email, ann.password);
    const call = serverActionRequest('reviewActionsMutation', [
      { actionIds: [a, b], decision: 'rejected', comment: 'over HTTP' },
    ]);
    const reply = await request.post('/queue', { headers: call.headers, data: call.body });
    expect(reply.status()).toBe(200);
    expect(await reply.text()).toContain('"result":"rejected"');
    for (const id of [a, b]) {
      expect((await auditEventsOfAction(id)).at(-1)).toMatchObject({
        type: 'action.rejected',
        actorId: ann.id,
        payload: { comment: 'over HTTP' },
      });
    }
  });
});

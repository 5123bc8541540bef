import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { actionStatusInDatabase, auditEventsOfAction } from '../fixtures/audit';
import { seedAgentWithTool } from '../fixtures/factories';
import { executingAction, proposeTicket } from '../fixtures/scenarios';

test.describe('POST /api/v1/actions/{id}/result', () => {
  test('ok: the action succeeds, keeping output and downstream reference', async ({ baseURL }) => {
    const { agent: agentRow, key, tool } = await seedAgentWithTool({ approvalRequired: false });
    const agent = agentClient(baseURL!, key);
    const id = await executingAction(agent, tool);

    const reply = await agent.reportResult(id, { ok: true, output: { ticket: 'T-9' }, downstreamRef: 'crm:T-9' });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id,
      status: 'succeeded',
      result: { ok: true, output: { ticket: 'T-9' }, error: null },
      downstreamRef: 'crm:T-9',
    });
    expect((await auditEventsOfAction(id)).at(-1)).toMatchObject({
      type: 'action.succeeded',
      actorType: 'agent',
      actorId: agentRow.id,
      payload: { downstreamRef: 'crm:T-9' },
    });
  });

  test('not ok: the action fails, keeping the error', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: false });
    const agent = agentClient(baseURL!, key);
    const id = await executingAction(agent, tool);

    const reply = await agent.reportResult(id, { ok: false, error: 'CRM answered 503' });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'failed', result: { ok: false, error: 'CRM answered 503' } });
    expect((await auditEventsOfAction(id)).at(-1)).toMatchObject({
      type: 'action.failed',
      payload: { error: 'CRM answered 503' },
    });
  });

  test('a result for an action that is not executing gets 409 with its status', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: false });
    const agent = agentClient(baseURL!, key);
    const approved = await proposeTicket(agent, tool, 'approved');

    const early = await agent.reportResult(approved, { ok: true });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'conflict', status: 'approved' });

    const finished = await executingAction(agent, tool);
    expect((await agent.reportResult(finished, { ok: true })).status).toBe(200);
    const twice = await agent.reportResult(finished, { ok: false, error: 'changed my mind' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.status).toBe('succeeded');
    expect(await actionStatusInDatabase(finished)).toBe('succeeded');
  });

  test('a failure without an error message gets 422 and changes nothing', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: false });
    const agent = agentClient(baseURL!, key);
    const id = await executingAction(agent, tool);

    const reply = await agent.reportResult(id, { ok: false });
    expect(reply.status).toBe(422);
    expect(reply.body.error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'error' }] });
    expect(await actionStatusInDatabase(id)).toBe('executing');
  });

  test('a body without ok, or not JSON, gets 422', async ({ baseURL }) => {
    const { key, tool } = await seedAgentWithTool({ approvalRequired: false });
    const agent = agentClient(baseURL!, key);
    const id = await executingAction(agent, tool);

    const missingOk = await agent.reportRaw(id, JSON.stringify({ output: 1 }));
    expect(missingOk.status).toBe(422);
    expect(missingOk.body.error.issues.map((issue: { path: string }) => issue.path)).toContain('ok');
    const notJson = await agent.reportRaw(id, 'ok');
    expect(notJson.status).toBe(422);
    expect(await actionStatusInDatabase(id)).toBe('executing');
  });
});

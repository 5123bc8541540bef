import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { CallToolResultSchema, type CallToolResult, type Task } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCrmServer, type DemoCrmServer } from '../../scripts/demo-mcp/crm-server';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

const TOKEN = 'upstream-secret-token-5c0d11';
process.env.WARDEN_EGRESS_ALLOW = '127.0.0.1';
process.env.WARDEN_SECRET_KEY ??= Buffer.alloc(32, 9).toString('base64');
process.env.WARDEN_MCP_REVIEW_WAIT_SECONDS = '10';

const text = (result: unknown) =>
  ((result as CallToolResult).content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('\n');

/**
 * MCP tasks (protocol 2025-11-25) through Warden, with the official SDK client's experimental task API: a client that
 * asks for a task gets one at once, `working` while a person decides, then `completed` with the upstream's result or
 * `failed` with the reasons; tasks/get and tasks/result answer from the database (any request, any instance) and
 * never run anything: the background job runs an approved task (lib/jobs/run-approved-mcp-tasks.ts), called here
 * where the server's loop would.
 */
describe.each(TEST_DATABASES)('MCP tasks through the gate on %s', (kind) => {
  useTestDatabase(kind, 'warden-mcp-tasks');
  let upstream: DemoCrmServer;
  let world: typeof import('./test-mcp-world');
  let w: typeof import('../seed/test-world');
  let tools: Record<string, string>;
  let reviewer: Awaited<ReturnType<typeof w.person>>;

  beforeAll(async () => {
    upstream = await startDemoCrmServer({ token: TOKEN });
    world = await import('./test-mcp-world');
    w = await import('../seed/test-world');
    ({ tools } = await world.importDemoServer(upstream, TOKEN));
    reviewer = await w.person(['reviewer']);
  });
  afterAll(async () => {
    // Warden keeps a connection to each upstream: closed first, so the upstream's close need not wait for it.
    const { closeUpstreamConnections } = await import('./upstream-client');
    await closeUpstreamConnections();
    await upstream.close();
  });

  const runApprovedTasks = async () => (await import('../jobs/run-approved-mcp-tasks')).runApprovedMcpTasks();
  const agent = () => world.mcpAgent(tools, { search_customers: { approvals: 0 }, create_ticket: { approvals: 1 } });

  /** Sends a task-augmented tools/call and returns the task Warden answered with (the stream's first message). */
  async function startTask(client: Client, upstreamName: string, args: Record<string, unknown>): Promise<Task> {
    const stream = client.experimental.tasks.callToolStream(
      { name: tools[upstreamName]!, arguments: args },
      CallToolResultSchema,
      { task: { ttl: 60_000 } },
    );
    const first = await stream.next();
    await stream.return(undefined);
    if (first.done || first.value.type !== 'taskCreated') throw new Error(`no task: ${JSON.stringify(first.value)}`);
    return first.value.task;
  }

  it('tools/list says every tool may run as a task; the server says it takes tasks on tools/call', async () => {
    const a = await agent();
    const { tools: listed } = await a.client.listTools();
    expect(listed.map((t) => t.execution)).toEqual(listed.map(() => ({ taskSupport: 'optional' })));
    expect(a.client.getServerCapabilities()?.tasks).toMatchObject({ requests: { tools: { call: {} } } });
  });

  it('approved by the gate: the SDK stream yields the task, then completed, then the upstream result', async () => {
    const a = await agent();
    const before = upstream.calls.length;
    const messages = [];
    for await (const message of a.client.experimental.tasks.callToolStream(
      { name: tools.search_customers!, arguments: { query: 'acme' } },
      CallToolResultSchema,
      { task: { ttl: 60_000 } },
    ))
      messages.push(message);
    expect(messages.map((m) => m.type)).toEqual(['taskCreated', 'taskStatus', 'result']);
    const result = messages.at(-1)!;
    if (result.type !== 'result') throw new Error('no result');
    expect(JSON.parse(text(result.result))).toEqual([{ id: 'CUS-1', name: 'Acme GmbH', email: 'ops@acme.test' }]);
    expect(upstream.calls.length).toBe(before + 1);
  });

  it('in review: working with the action and its link; approved: the job runs it, tasks/result is the upstream result', async () => {
    const a = await agent();
    const task = await startTask(a.client, 'create_ticket', { customerId: 'CUS-1', subject: 'Task ticket' });
    expect(task.status).toBe('working');
    expect(task.statusMessage).toBe(
      `Awaits human review: action ${task.taskId}, http://warden.test/actions/${task.taskId}`,
    );
    expect(await a.client.experimental.tasks.getTask(task.taskId)).toMatchObject({ status: 'working' });
    const before = upstream.calls.length;
    const { approveAction } = await import('../actions/approve-action');
    await approveAction(reviewer, { actionId: task.taskId });
    // tasks/get only reads: approved, the task is still working and nothing has reached the upstream.
    expect(await a.client.experimental.tasks.getTask(task.taskId)).toMatchObject({
      status: 'working',
      statusMessage: expect.stringMatching(/^Approved; Warden runs it now/),
    });
    expect(upstream.calls.length).toBe(before);
    await runApprovedTasks();
    expect(await a.client.experimental.tasks.getTask(task.taskId)).toMatchObject({ status: 'completed' });
    expect(upstream.calls.slice(before)).toEqual([
      {
        tool: 'create_ticket',
        args: { customerId: 'CUS-1', subject: 'Task ticket' },
        authorization: `Bearer ${TOKEN}`,
      },
    ]);
    const result = await a.client.experimental.tasks.getTaskResult(task.taskId, CallToolResultSchema);
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(text(result))).toMatchObject({ status: 'open', ticketId: expect.stringMatching(/^TCK-/) });
    expect(result._meta?.['dev.warden/action']).toMatchObject({ id: task.taskId, status: 'succeeded' });
    // Asking again, or the job's next tick, does not run it again.
    await a.client.experimental.tasks.getTask(task.taskId);
    await runApprovedTasks();
    expect(upstream.calls.length).toBe(before + 1);
  });

  it('tasks/result held while in review returns once a reviewer approves', async () => {
    const a = await agent();
    const task = await startTask(a.client, 'create_ticket', { customerId: 'CUS-2', subject: 'Held task' });
    const held = a.client.experimental.tasks.getTaskResult(task.taskId, CallToolResultSchema);
    const { approveAction } = await import('../actions/approve-action');
    await approveAction(reviewer, { actionId: task.taskId });
    await runApprovedTasks();
    const result = await held;
    expect(JSON.parse(text(result))).toMatchObject({ status: 'open', ticketId: expect.stringMatching(/^TCK-/) });
  });

  it('rejected: failed, the reason in the status message and in the isError result; nothing reaches the upstream', async () => {
    const a = await agent();
    const before = upstream.calls.length;
    const task = await startTask(a.client, 'create_ticket', { customerId: 'CUS-1', subject: 'Refund all' });
    const { rejectAction } = await import('../actions/reject-action');
    await rejectAction(reviewer, { actionId: task.taskId, comment: 'not this customer' });
    const failed = await a.client.experimental.tasks.getTask(task.taskId);
    expect(failed.status).toBe('failed');
    expect(failed.statusMessage).toMatch(/^Rejected by a reviewer: .*not this customer/);
    const result = await a.client.experimental.tasks.getTaskResult(task.taskId, CallToolResultSchema);
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^Rejected by a reviewer: .*not this customer/);
    expect(upstream.calls.length).toBe(before);
  });

  it('a stop after the approval: the task fails at the claim, before the upstream', async () => {
    const a = await agent();
    const task = await startTask(a.client, 'create_ticket', { customerId: 'CUS-1', subject: 'Stopped' });
    const { approveAction } = await import('../actions/approve-action');
    await approveAction(reviewer, { actionId: task.taskId });
    const { engageSwitch } = await import('../kill-switches/engage-switch');
    await engageSwitch(await w.person(['admin']), {
      scope: 'agent',
      agent: a.agent.id,
      effect: 'block',
      reason: 'task incident',
    });
    const before = upstream.calls.length;
    await runApprovedTasks();
    const failed = await a.client.experimental.tasks.getTask(task.taskId);
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed.statusMessage).toMatch(/task incident/);
    expect(upstream.calls.length).toBe(before);
  });

  it('the job runs only tasks: not a plain call approved after its wait, nor the task of an agent whose keys are revoked', async () => {
    const a = await agent();
    const before = upstream.calls.length;
    const plain = await a.client.callTool({
      name: tools.create_ticket!,
      arguments: { customerId: 'CUS-1', subject: 'Plain call' },
      _meta: { 'dev.warden/wait': 0 },
    });
    const plainId = (plain._meta?.['dev.warden/action'] as { id: string }).id;
    const task = await startTask(a.client, 'create_ticket', { customerId: 'CUS-2', subject: 'Orphaned task' });
    const { approveAction } = await import('../actions/approve-action');
    const { revokeAgentKey } = await import('../agents/revoke-agent-key');
    await approveAction(reviewer, { actionId: plainId });
    await approveAction(reviewer, { actionId: task.taskId });
    await revokeAgentKey(await w.person(['admin']), a.agent.keyId);
    await runApprovedTasks();
    expect(upstream.calls.length).toBe(before);
    expect((await w.actionRow(plainId)).status).toBe('approved');
    expect((await w.actionRow(task.taskId)).status).toBe('approved');
  });

  it('blocked by the gate: the task is failed at once; another agent cannot see it; the agent cannot cancel', async () => {
    const a = await agent();
    const task = await startTask(a.client, 'close_ticket', { ticketId: 'TCK-1', resolution: 'done' });
    expect(task.status).toBe('failed');
    expect(task.statusMessage).toMatch(/^Refused by Warden: .*not granted/i);
    const other = await agent();
    await expect(other.client.experimental.tasks.getTask(task.taskId)).rejects.toThrow(/not found/i);
    const waiting = await startTask(a.client, 'create_ticket', { customerId: 'CUS-1', subject: 'Keep' });
    await expect(a.client.experimental.tasks.cancelTask(waiting.taskId)).rejects.toThrow(/reviewer decides/);
    expect(await a.client.experimental.tasks.getTask(waiting.taskId)).toMatchObject({ status: 'working' });
  });

  it('invalid parameters: a JSON-RPC error naming the field, no task', async () => {
    const a = await agent();
    const stream = a.client.experimental.tasks.callToolStream(
      { name: tools.search_customers!, arguments: { query: 5 } },
      CallToolResultSchema,
      { task: {} },
    );
    const first = await stream.next();
    expect(first.value).toMatchObject({ type: 'error' });
    expect(String((first.value as { error: Error }).error.message)).toMatch(/query/);
  });
});

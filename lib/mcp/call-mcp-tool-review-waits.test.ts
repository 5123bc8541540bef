import { describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../db/test-databases';
import { actionOf, text, TOKEN, useMcpCallSuite } from './test-mcp-call-suite';

/**
 * Warden as an MCP server (lib/mcp/test-mcp-call-suite.ts), a call that waits for review: decided in time or not,
 * edit-and-approve, a stop after approval and during the wait; and the upstream credential in no answer and no log
 * line of these. The other outcomes: call-mcp-tool-outcomes.test.ts.
 */
describe.each(TEST_DATABASES)('MCP tools/call through the gate on %s', (kind) => {
  const mcp = useMcpCallSuite(kind);

  const pendingFor = async (agentId: string) => {
    for (;;) {
      const row = await mcp.db().action.findFirst({ where: { agentId, status: 'pending_review' } });
      if (row) return row;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  it('review decided in time: the held call returns the upstream result', async () => {
    const a = await mcp.agentA();
    const held = mcp.call(
      a.client,
      'create_ticket',
      { customerId: 'CUS-1', subject: 'Printer on fire' },
      { 'dev.warden/wait': 10 },
    );
    const pending = await pendingFor(a.agent.id);
    const { approveAction } = await import('../actions/approve-action');
    await approveAction(mcp.reviewer, { actionId: pending.id });
    const result = await held;
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(text(result))).toMatchObject({ status: 'open' });
    expect(mcp.upstream.calls.at(-1)).toMatchObject({ tool: 'create_ticket', args: { subject: 'Printer on fire' } });
  });

  it('review not decided in time: "awaits review" with the id and link; a retry returns the outcome once decided', async () => {
    const a = await mcp.agentA();
    const args = { customerId: 'CUS-2', subject: 'Refund please' };
    const first = await mcp.call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 });
    expect(first.isError).toBe(true);
    const ref = actionOf(first);
    expect(text(first)).toContain(`awaits human review (action ${ref.id}, http://warden.test/actions/${ref.id})`);
    const { rejectAction } = await import('../actions/reject-action');
    await rejectAction(mcp.reviewer, { actionId: ref.id, comment: 'not for this customer' });
    const retry = await mcp.call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 });
    expect(actionOf(retry).id).toBe(ref.id);
    expect(text(retry)).toMatch(/^Rejected by a reviewer: .*not for this customer/);
    // Answered: the same call again is a new proposal.
    const again = await mcp.call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 });
    expect(actionOf(again).id).not.toBe(ref.id);
  });

  it('edit and approve: the edited parameters are what reaches the upstream, and the result says so', async () => {
    const a = await mcp.agentA();
    const args = { customerId: 'CUS-1', subject: 'Refund everything' };
    const ref = actionOf(await mcp.call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 }));
    const { editAndApproveAction } = await import('../actions/edit-and-approve-action');
    await editAndApproveAction(mcp.reviewer, {
      actionId: ref.id,
      version: 1,
      params: { customerId: 'CUS-1', subject: 'Refund order 7' },
    });
    const result = await mcp.call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 });
    expect(result.isError).toBeFalsy();
    expect(mcp.upstream.calls.at(-1)).toMatchObject({
      tool: 'create_ticket',
      args: { customerId: 'CUS-1', subject: 'Refund order 7' },
    });
    expect(text(result)).toContain('A reviewer edited the parameters before approving');
    expect(actionOf(result)).toMatchObject({ id: ref.id, status: 'succeeded', edited: true });
  });

  it('a stop after the approval refuses the call before it reaches the upstream', async () => {
    const a = await mcp.agentA();
    const args = { customerId: 'CUS-1', subject: 'Close my account' };
    const ref = actionOf(await mcp.call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 }));
    const { approveAction } = await import('../actions/approve-action');
    await approveAction(mcp.reviewer, { actionId: ref.id });
    const { engageSwitch } = await import('../kill-switches/engage-switch');
    const admin = await mcp.w.person(['admin']);
    await engageSwitch(admin, { scope: 'agent', agent: a.agent.id, effect: 'block', reason: 'agent misbehaving' });
    const before = mcp.upstream.calls.length;
    const result = await mcp.call(a.client, 'create_ticket', args, { 'dev.warden/wait': 0 });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/blocked at claim.*agent misbehaving/);
    expect(mcp.upstream.calls.length).toBe(before);
    expect(await mcp.db().action.findUniqueOrThrow({ where: { id: ref.id } })).toMatchObject({ status: 'blocked' });
  });

  it('a stop during a held call: the approval is refused while frozen, nothing reaches the upstream', async () => {
    const a = await mcp.agentA();
    const before = mcp.upstream.calls.length;
    const held = mcp.call(
      a.client,
      'create_ticket',
      { customerId: 'CUS-2', subject: 'Held' },
      { 'dev.warden/wait': 1 },
    );
    const pending = await pendingFor(a.agent.id);
    const { engageSwitch } = await import('../kill-switches/engage-switch');
    const admin = await mcp.w.person(['admin']);
    await engageSwitch(admin, { scope: 'agent', agent: a.agent.id, effect: 'block', reason: 'incident 7' });
    const { approveAction } = await import('../actions/approve-action');
    await expect(approveAction(mcp.reviewer, { actionId: pending.id })).rejects.toMatchObject({ code: 'conflict' });
    const result = await held;
    expect(text(result)).toContain('awaits human review');
    expect(mcp.upstream.calls.length).toBe(before);
  });

  it('the upstream credential is in no answer Warden gave and no log line', () => {
    expect(mcp.world.seen.length).toBeGreaterThan(10);
    expect(mcp.world.seen.join('\n')).not.toContain(TOKEN);
    expect(mcp.logged.join('\n')).not.toContain(TOKEN);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/** reportActionResult on a real database: executing → succeeded / failed, once, by the agent that claimed it. */
describe.each(TEST_DATABASES)('reportActionResult on %s', (kind) => {
  useTestDatabase(kind, 'warden-report-result');
  let w: typeof import('../seed/test-world');
  let reportActionResult: typeof import('./report-action-result').reportActionResult;
  let claimAction: typeof import('./claim-action').claimAction;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ({ reportActionResult } = await import('./report-action-result'));
    ({ claimAction } = await import('./claim-action'));
  });
  async function executing() {
    const { agent, tool } = await w.agentWithRefundTool({ rules: { approvals: 0 } });
    const id = await w.propose(agent, tool, 'approved');
    await claimAction(agent, id);
    return { agent, tool, id };
  }

  it('ok: the action succeeds, keeping the output and the downstream reference, audited', async () => {
    const { agent, id } = await executing();
    expect(
      await reportActionResult(agent, id, { ok: true, output: { refund: 'R-9' }, downstreamRef: 'psp:R-9' }),
    ).toMatchObject({
      id,
      status: 'succeeded',
      result: { ok: true, output: { refund: 'R-9' }, error: null },
      downstreamRef: 'psp:R-9',
    });
    expect(await w.actionRow(id)).toMatchObject({ status: 'succeeded', downstreamRef: 'psp:R-9' });
    expect((await w.auditTrail(id)).at(-1)).toEqual({
      type: 'action.succeeded',
      actorType: 'agent',
      actorId: agent.id,
      payload: { downstreamRef: 'psp:R-9' },
    });
  });

  it('not ok: the action fails, keeping the error', async () => {
    const { agent, id } = await executing();
    expect(await reportActionResult(agent, id, { ok: false, error: 'PSP answered 503' })).toMatchObject({
      status: 'failed',
      result: { ok: false, error: 'PSP answered 503' },
    });
    expect((await w.auditTrail(id)).at(-1)).toEqual({
      type: 'action.failed',
      actorType: 'agent',
      actorId: agent.id,
      payload: { error: 'PSP answered 503', downstreamRef: null },
    });
  });

  it('the outcome is final: a second report is refused with the status; an action not claimed yet cannot be reported', async () => {
    const { agent, tool, id } = await executing();
    await reportActionResult(agent, id, { ok: true });
    await expect(reportActionResult(agent, id, { ok: false, error: 'changed my mind' })).rejects.toMatchObject({
      code: 'conflict',
      details: { status: 'succeeded' },
    });
    expect((await w.actionRow(id)).status).toBe('succeeded');

    const approved = await w.propose(agent, tool, 'approved');
    await expect(reportActionResult(agent, approved, { ok: true })).rejects.toMatchObject({
      code: 'conflict',
      details: { status: 'approved' },
    });
    expect((await w.actionRow(approved)).status).toBe('approved');
    expect(await w.auditTypes(approved)).toEqual(['action.proposed', 'gate.decided']);
  });

  it('only the agent that claimed it reports: another agent hears of no such action, a person is refused', async () => {
    const { agent, id } = await executing();
    const { agent: stranger } = await w.agentWithRefundTool();
    await expect(reportActionResult(stranger, id, { ok: true })).rejects.toMatchObject({ code: 'not_found' });
    await expect(reportActionResult(await w.person(['admin']), id, { ok: true })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await w.actionRow(id)).status).toBe('executing');
    expect(await reportActionResult(agent, id, { ok: true })).toMatchObject({ status: 'succeeded' });
  });

  it('a failure without an error message is refused naming the field, and the action stays executing', async () => {
    const { agent, id } = await executing();
    await expect(reportActionResult(agent, id, { ok: false })).rejects.toMatchObject({ issues: [{ path: ['error'] }] });
    expect((await w.actionRow(id)).status).toBe('executing');
    expect((await w.auditTypes(id)).at(-1)).toBe('action.claimed');
  });
});

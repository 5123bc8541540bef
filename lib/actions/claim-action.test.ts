import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/**
 * claimAction on a real database: approved → executing once, by the agent that proposed it, for the approved
 * parameters only; a stop, a pause, a revoked grant or a disabled tool since the approval blocks it for good.
 */
describe.each(TEST_DATABASES)('claimAction on %s', (kind) => {
  useTestDatabase(kind, 'warden-claim-action');
  let w: typeof import('../seed/test-world');
  let claimAction: typeof import('./claim-action').claimAction;
  let approveAction: typeof import('./approve-action').approveAction;
  let rejectAction: typeof import('./reject-action').rejectAction;
  let pauseAgent: typeof import('../agents/set-agent-status').pauseAgent;
  let resumeAgent: typeof import('../agents/set-agent-status').resumeAgent;
  let revokeGrant: typeof import('../grants/revoke-grant').revokeGrant;
  let setToolEnabled: typeof import('../tools/set-tool-enabled').setToolEnabled;
  let engageSwitch: typeof import('../kill-switches/engage-switch').engageSwitch;
  let releaseGlobalStop: typeof import('../kill-switches/release-switch').releaseGlobalStop;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ({ claimAction } = await import('./claim-action'));
    ({ approveAction } = await import('./approve-action'));
    ({ rejectAction } = await import('./reject-action'));
    ({ pauseAgent, resumeAgent } = await import('../agents/set-agent-status'));
    ({ revokeGrant } = await import('../grants/revoke-grant'));
    ({ setToolEnabled } = await import('../tools/set-tool-enabled'));
    ({ engageSwitch } = await import('../kill-switches/engage-switch'));
    ({ releaseGlobalStop } = await import('../kill-switches/release-switch'));
  });
  const status = async (id: string) => (await w.actionRow(id)).status;
  const openAgent = () => w.agentWithRefundTool({ rules: { approvals: 0 } });

  it('an approved action is claimed by its agent: executing, audited, and the view names the approved hash', async () => {
    const { agent, tool } = await openAgent();
    const id = await w.propose(agent, tool, 'approved');
    const { paramsHash } = await w.actionRow(id);

    expect(await claimAction(agent, id)).toMatchObject({ id, status: 'executing', paramsHash });
    expect(await status(id)).toBe('executing');
    expect((await w.auditTrail(id)).at(-1)).toEqual({
      type: 'action.claimed',
      actorType: 'agent',
      actorId: agent.id,
      payload: {},
    });
  });

  it('a claim stating other parameters than the approved ones is refused and changes nothing; the approved hash claims', async () => {
    const { agent, tool } = await openAgent();
    const [id, other] = [
      await w.propose(agent, tool, 'approved'),
      await w.propose(agent, tool, 'approved', { ...w.REFUND, amount: 81 }),
    ];
    const { paramsHash } = await w.actionRow(id);

    await expect(claimAction(agent, id, { paramsHash: (await w.actionRow(other)).paramsHash })).rejects.toMatchObject({
      code: 'conflict',
      details: { status: 'approved', reason: 'params_mismatch' },
    });
    await expect(claimAction(agent, id, { paramsHash: 'not-a-hash' })).rejects.toMatchObject({
      issues: [{ path: ['paramsHash'] }],
    });
    expect(await status(id)).toBe('approved');
    expect(await w.auditTypes(id)).toEqual(['action.proposed', 'gate.decided']);
    expect(await claimAction(agent, id, { paramsHash })).toMatchObject({ status: 'executing' });
  });

  it('only the agent that proposed it can claim it: another agent hears of no such action, a person is refused', async () => {
    const { agent, tool } = await openAgent();
    const { agent: stranger } = await openAgent();
    const id = await w.propose(agent, tool, 'approved');

    await expect(claimAction(stranger, id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(claimAction(await w.person(['admin']), id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(claimAction(agent, 'no-such-action')).rejects.toMatchObject({ code: 'not_found' });
    expect(await status(id)).toBe('approved');
    expect(await claimAction(agent, id)).toMatchObject({ status: 'executing' });
  });

  it('an action is claimed once: a second claim is refused, and of two claims at once exactly one wins', async () => {
    const { agent, tool } = await openAgent();
    const [once, raced] = [await w.propose(agent, tool, 'approved'), await w.propose(agent, tool, 'approved')];

    await claimAction(agent, once);
    await expect(claimAction(agent, once)).rejects.toMatchObject({
      code: 'conflict',
      details: { status: 'executing' },
    });

    const outcomes = await Promise.allSettled([claimAction(agent, raced), claimAction(agent, raced)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({
      code: 'conflict',
      details: { status: 'executing' },
    });
    expect((await w.auditTypes(raced)).filter((type) => type === 'action.claimed')).toHaveLength(1);
  });

  it('pending, rejected and blocked actions cannot be claimed', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const reviewer = await w.person(['reviewer']);
    const [pending, rejected] = [
      await w.propose(agent, tool, 'pending_review'),
      await w.propose(agent, tool, 'pending_review'),
    ];
    await rejectAction(reviewer, { actionId: rejected });
    const blocked = await w.propose(agent, { name: 'no_such_tool' }, 'blocked');

    for (const [id, expected] of [
      [pending, 'pending_review'],
      [rejected, 'rejected'],
      [blocked, 'blocked'],
    ] as const) {
      await expect(claimAction(agent, id), expected).rejects.toMatchObject({
        code: 'conflict',
        details: { status: expected },
      });
      expect(await status(id)).toBe(expected);
    }
  });

  it('an agent paused since the approval is blocked at claim, for good: resuming it does not bring the action back', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const id = await w.propose(agent, tool, 'pending_review');
    await approveAction(await w.person(['reviewer']), { actionId: id });
    await pauseAgent(w.SETUP, { id: agent.id }, 'checking');

    await expect(claimAction(agent, id)).rejects.toMatchObject({
      code: 'conflict',
      details: { status: 'blocked', reasons: ['agent is paused'] },
    });
    expect(await w.actionRow(id)).toMatchObject({
      status: 'blocked',
      decisionReason: 'blocked at claim: agent is paused',
    });
    expect((await w.auditTrail(id)).at(-1)).toMatchObject({
      type: 'action.claim_blocked',
      actorId: agent.id,
      payload: { reasons: ['agent is paused'] },
    });

    await resumeAgent(w.SETUP, { id: agent.id });
    await expect(claimAction(agent, id)).rejects.toMatchObject({ code: 'conflict', details: { status: 'blocked' } });
    expect(await status(id)).toBe('blocked');
    // The control: the resumed agent's next approved action claims as usual.
    const next = await w.propose(agent, tool, 'pending_review');
    await approveAction(await w.person(['reviewer']), { actionId: next });
    expect(await claimAction(agent, next)).toMatchObject({ status: 'executing' });
  });

  it('the global stop engaged since the approval blocks the claim, naming its reason', async () => {
    const { agent, tool } = await openAgent();
    const id = await w.propose(agent, tool, 'approved');
    await engageSwitch(w.SETUP, { scope: 'global', effect: 'block', reason: 'incident 9' });
    try {
      await expect(claimAction(agent, id)).rejects.toMatchObject({
        details: { status: 'blocked', reasons: ['global stop is engaged: incident 9'] },
      });
      expect(await status(id)).toBe('blocked');
    } finally {
      await releaseGlobalStop(w.SETUP, 'test over');
    }
  });

  it('a block switch on the agent since the approval blocks the claim', async () => {
    const { agent, tool } = await openAgent();
    const id = await w.propose(agent, tool, 'approved');
    await engageSwitch(w.SETUP, { scope: 'agent', agent: agent.id, effect: 'block', reason: 'incident 11' });
    await expect(claimAction(agent, id)).rejects.toMatchObject({
      details: { status: 'blocked', reasons: [expect.stringContaining('incident 11')] },
    });
    expect(await status(id)).toBe('blocked');
  });

  it('a grant revoked since the approval blocks the claim', async () => {
    const { agent, tool, grant } = await openAgent();
    const id = await w.propose(agent, tool, 'approved');
    await revokeGrant(w.SETUP, grant.id);
    await expect(claimAction(agent, id)).rejects.toMatchObject({
      details: { status: 'blocked', reasons: [`tool ${tool.name} is not granted to this agent`] },
    });
    expect(await status(id)).toBe('blocked');
  });

  it('a tool disabled since the approval blocks the claim, and enabling it again does not bring the action back', async () => {
    const { agent, tool } = await openAgent();
    const id = await w.propose(agent, tool, 'approved');
    await setToolEnabled(w.SETUP, { toolId: tool.id, enabled: false });
    await expect(claimAction(agent, id)).rejects.toMatchObject({
      details: { status: 'blocked', reasons: [`tool ${tool.name} is disabled`] },
    });
    await setToolEnabled(w.SETUP, { toolId: tool.id, enabled: true });
    await expect(claimAction(agent, id)).rejects.toMatchObject({ details: { status: 'blocked' } });
    expect(await claimAction(agent, await w.propose(agent, tool, 'approved'))).toMatchObject({ status: 'executing' });
  });
});

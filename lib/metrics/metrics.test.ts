import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/**
 * The metrics move with what the domain does, on a real database: proposals counted by outcome, tool and agent through
 * the real gate (a tool that does not exist is never a label), decisions timed once final, expiries counted by the
 * job's step, and the database gauges read at scrape time. The registry is the process's (globalThis), shared by the
 * suites of both databases, so counters are compared before and after.
 */
describe.each(TEST_DATABASES)('metrics on %s', (kind) => {
  const database = useTestDatabase(kind, 'warden-metrics');
  let w: typeof import('../seed/test-world');
  let m: import('./registry').WardenMetrics;
  let observeProposal: typeof import('./record-proposal-outcome').observeProposal;
  let proposeAction: typeof import('../gate/propose-action').proposeAction;
  let readDatabaseGauges: typeof import('./read-database-gauges').readDatabaseGauges;
  let trackLongPoll: typeof import('./track-long-poll').trackLongPoll;
  let approveAction: typeof import('../actions/approve-action').approveAction;
  let rejectAction: typeof import('../actions/reject-action').rejectAction;
  let editAndApproveAction: typeof import('../actions/edit-and-approve-action').editAndApproveAction;
  let engageSwitch: typeof import('../kill-switches/engage-switch').engageSwitch;
  let expireStep: typeof import('../jobs/expire-overdue-actions').expireOverdueActionsStep;
  let workerSettings: typeof import('../notifications/worker-settings').workerSettings;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    m = (await import('./registry')).metrics();
    ({ observeProposal } = await import('./record-proposal-outcome'));
    ({ proposeAction } = await import('../gate/propose-action'));
    ({ readDatabaseGauges } = await import('./read-database-gauges'));
    ({ trackLongPoll } = await import('./track-long-poll'));
    ({ approveAction } = await import('../actions/approve-action'));
    ({ rejectAction } = await import('../actions/reject-action'));
    ({ editAndApproveAction } = await import('../actions/edit-and-approve-action'));
    ({ engageSwitch } = await import('../kill-switches/engage-switch'));
    ({ expireOverdueActionsStep: expireStep } = await import('../jobs/expire-overdue-actions'));
    ({ workerSettings } = await import('../notifications/worker-settings'));
  });

  type Labels = Record<string, string | number>;
  const valueOf = async (
    metric: { get(): Promise<{ values: { labels: Partial<Labels>; value: number; metricName?: string }[] }> },
    labels: Labels,
    name?: string,
  ) =>
    (await metric.get()).values.find(
      (v) => (!name || v.metricName === name) && Object.entries(labels).every(([k, x]) => v.labels[k] === x),
    )?.value ?? 0;
  const proposals = (labels: Labels) => valueOf(m.proposals, labels);
  const decisions = (decision: string) =>
    valueOf(m.timeToDecision, { decision }, 'warden_time_to_decision_seconds_count');

  it('counts each proposal by outcome, tool and agent, times the gate, and never labels a tool that does not exist', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const latencyBefore = await valueOf(
      m.gateLatency,
      { outcome: 'pending_review' },
      'warden_gate_duration_seconds_count',
    );
    const propose = (name: string) =>
      observeProposal(agent, name, () =>
        proposeAction(agent, { tool: name, params: w.REFUND, reason: 'customer asked' }),
      );
    // Both suites' agents are named agent-1, agent-2, … (test-world's counter is per suite): compare before and after.
    const queued = { outcome: 'pending_review', tool: tool.name, agent: agent.name };
    const unknown = { outcome: 'blocked', tool: '(unknown)', agent: agent.name };
    const [queuedBefore, unknownBefore] = [await proposals(queued), await proposals(unknown)];
    for (let i = 0; i < 3; i++) expect((await propose(tool.name)).status).toBe('pending_review');
    const ghost = `ghost_tool_${kind}_${Date.now()}`;
    expect((await propose(ghost)).status).toBe('blocked');

    expect(await proposals(queued)).toBe(queuedBefore + 3);
    expect(await proposals(unknown)).toBe(unknownBefore + 1);
    expect((await m.proposals.get()).values.some((v) => v.labels.tool === ghost)).toBe(false);
    expect(await valueOf(m.gateLatency, { outcome: 'pending_review' }, 'warden_gate_duration_seconds_count')).toBe(
      latencyBefore + 3,
    );
  });

  it('reads the queue by agent, its oldest action, the engaged switches and the pools at scrape time', async () => {
    const admin = await w.person(['admin'], 'Metrics admin');
    const { agent, tool } = await w.agentWithRefundTool();
    const before = Date.now();
    for (let i = 0; i < 2; i++) await w.propose(agent, tool, 'pending_review');
    await engageSwitch(admin, { scope: 'agent', agent: agent.name, effect: 'review-all', reason: 'metrics test' });
    await readDatabaseGauges();

    expect(await valueOf(m.queueDepth, { agent: agent.name })).toBe(2);
    const oldest = await valueOf(m.oldestPendingAge, {});
    expect(oldest).toBeGreaterThan(0);
    expect(oldest).toBeLessThan((Date.now() - before) / 1000 + 600); // the first test's actions are older, by seconds
    expect(await valueOf(m.switchesEngaged, { scope: 'agent', effect: 'review-all' })).toBe(1);
    expect(await valueOf(m.switchesEngaged, { scope: 'global', effect: 'block' })).toBe(0);
    const pools = (await m.poolConnections.get()).values.map((v) => `${v.labels.pool}:${v.labels.state}`);
    expect(pools).toEqual(
      expect.arrayContaining(
        kind === 'sqlite' ? ['worker:open', 'transactions:open'] : ['console:open', 'console:idle'],
      ),
    );
  });

  it('times a decision once it is final: not an approval short of its quorum; an emptied queue leaves the gauge', async () => {
    const reviewers = [await w.person(['reviewer'], 'First'), await w.person(['reviewer'], 'Second')];
    const { agent, tool } = await w.agentWithRefundTool({ rules: { approvals: 2 } });
    const [approved, rejected] = [
      await w.propose(agent, tool, 'pending_review'),
      await w.propose(agent, tool, 'pending_review'),
    ];
    const [approvedBefore, rejectedBefore] = [await decisions('approved'), await decisions('rejected')];

    await approveAction(reviewers[0]!, { actionId: approved });
    expect(await decisions('approved')).toBe(approvedBefore);
    await approveAction(reviewers[1]!, { actionId: approved });
    expect(await decisions('approved')).toBe(approvedBefore + 1);
    await rejectAction(reviewers[0]!, { actionId: rejected });
    expect(await decisions('rejected')).toBe(rejectedBefore + 1);

    await readDatabaseGauges();
    expect((await m.queueDepth.get()).values.some((v) => v.labels.agent === agent.name)).toBe(false);
  });

  it('times an edit-and-approve that completes the quorum', async () => {
    const reviewer = await w.person(['reviewer'], 'Editor');
    const { agent, tool } = await w.agentWithRefundTool();
    const id = await w.propose(agent, tool, 'pending_review');
    const before = await decisions('approved');
    await editAndApproveAction(reviewer, { actionId: id, params: { ...w.REFUND, amount: 70 }, version: 1 });
    expect(await decisions('approved')).toBe(before + 1);
  });

  it('counts the expiries the job commits', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const id = await w.propose(agent, tool, 'pending_review');
    await database.client.action.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await valueOf(m.expiries, {});
    await expireStep.run({ owner: 'metrics-test', settings: workerSettings() });
    expect(await valueOf(m.expiries, {})).toBeGreaterThanOrEqual(before + 1);
    expect((await w.actionRow(id)).status).toBe('expired');
  });

  it('holds a long-poll open only while it waits', async () => {
    const before = await valueOf(m.longPollsOpen, {});
    let during = -1;
    await trackLongPoll(true, async () => {
      during = await valueOf(m.longPollsOpen, {});
    });
    expect(during).toBe(before + 1);
    expect(await valueOf(m.longPollsOpen, {})).toBe(before);
    await trackLongPoll(false, async () => {
      during = await valueOf(m.longPollsOpen, {});
    });
    expect(during).toBe(before);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/**
 * Reads are pure: a pending action past its review deadline reads as expired everywhere (the queue, its counts and
 * facets, the card, the edit page, the agent's GET, long-poll and list) while nothing is written — not the action,
 * not an audit event — until the background loop's step commits the expiry. Frozen by a stop, it reads pending and
 * the step passes it by.
 */
describe.each(TEST_DATABASES)('reads write nothing; the job step expires on %s', (kind) => {
  const database = useTestDatabase(kind, 'warden-expire-overdue-actions');
  let w: typeof import('../seed/test-world');
  let step: typeof import('./expire-overdue-actions');
  let runJobsOnce: typeof import('./run-jobs-once').runJobsOnce;
  let reads: {
    listPendingActions: typeof import('../actions/list-pending-actions').listPendingActions;
    countPendingActions: typeof import('../actions/count-pending-actions').countPendingActions;
    countPendingFacets: typeof import('../actions/count-pending-facets').countPendingFacets;
    getActionForReview: typeof import('../actions/get-action-for-review').getActionForReview;
    getActionForEdit: typeof import('../actions/get-action-for-edit').getActionForEdit;
    getAgentAction: typeof import('../actions/get-agent-action').getAgentAction;
    listAgentActions: typeof import('../actions/list-agent-actions').listAgentActions;
    findNextPendingAction: typeof import('../actions/find-next-pending-action').findNextPendingAction;
    getAgentDetail: typeof import('../agents/get-agent-detail').getAgentDetail;
    getAgentTrackRecord: typeof import('../agents/get-agent-track-record').getAgentTrackRecord;
  };
  let engageSwitch: typeof import('../kill-switches/engage-switch').engageSwitch;
  let releaseSwitch: typeof import('../kill-switches/release-switch').releaseSwitch;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    step = await import('./expire-overdue-actions');
    ({ runJobsOnce } = await import('./run-jobs-once'));
    reads = {
      listPendingActions: (await import('../actions/list-pending-actions')).listPendingActions,
      countPendingActions: (await import('../actions/count-pending-actions')).countPendingActions,
      countPendingFacets: (await import('../actions/count-pending-facets')).countPendingFacets,
      getActionForReview: (await import('../actions/get-action-for-review')).getActionForReview,
      getActionForEdit: (await import('../actions/get-action-for-edit')).getActionForEdit,
      getAgentAction: (await import('../actions/get-agent-action')).getAgentAction,
      listAgentActions: (await import('../actions/list-agent-actions')).listAgentActions,
      findNextPendingAction: (await import('../actions/find-next-pending-action')).findNextPendingAction,
      getAgentDetail: (await import('../agents/get-agent-detail')).getAgentDetail,
      getAgentTrackRecord: (await import('../agents/get-agent-track-record')).getAgentTrackRecord,
    };
    ({ engageSwitch } = await import('../kill-switches/engage-switch'));
    ({ releaseSwitch } = await import('../kill-switches/release-switch'));
  });
  /** Moves the review deadline into the past, as if the action had been proposed long ago. */
  const overdue = (id: string) =>
    database.client.action.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  /** Everything a read could have written: every action row as stored, and the audit log's length. */
  const snapshot = async () => ({
    actions: await database.client.action.findMany({ orderBy: { id: 'asc' } }),
    auditEvents: await database.client.auditEvent.count(),
  });
  const QUEUE = { filter: {}, sort: 'newest' } as const;
  let admin: import('../seed/test-world').UserActor;
  beforeAll(async () => {
    admin = await w.person(['admin'], 'Agent page reader');
  });

  /**
   * Every read path, as the console and the agent API call them; returns what each says of `id`. The long-poll of an
   * expired action answers at once; of a waiting one, after `waitSeconds`.
   */
  async function readEverywhere(
    id: string,
    reviewer: import('../seed/test-world').UserActor,
    agent: import('../seed/test-world').AgentActor,
    waitSeconds = 5,
  ) {
    const queue = await reads.listPendingActions(reviewer, QUEUE);
    const count = await reads.countPendingActions(reviewer);
    const facets = await reads.countPendingFacets(reviewer, {});
    const card = await reads.getActionForReview(reviewer, id);
    const edit = await reads.getActionForEdit(reviewer, id);
    const got = await reads.getAgentAction(agent, { actionId: id });
    const waited = await reads.getAgentAction(agent, { actionId: id, waitSeconds });
    const listedExpired = await reads.listAgentActions(agent, { status: 'expired' });
    const listedPending = await reads.listAgentActions(agent, { status: 'pending_review' });
    const next = await reads.findNextPendingAction(reviewer, { after: { id: 'none', createdAt: new Date() } });
    const detail = await reads.getAgentDetail(admin, agent.id);
    const record = await reads.getAgentTrackRecord(reviewer, agent.id);
    return {
      inQueue: queue.rows.some((row) => row.id === id),
      count,
      total: facets.total,
      card: card.action.status,
      cardOffersDecision: card.viewerCanDecide,
      edit: edit.action.status,
      agentGet: got.status,
      agentWait: waited.status,
      agentReason: got.decision.reason,
      listedExpired: listedExpired.actions.some((a) => a.id === id && a.status === 'expired'),
      listedPending: listedPending.actions.some((a) => a.id === id),
      next: next?.id === id,
      agentPage: detail.recentActions.find((action) => action.id === id)?.status,
      trackRecord: record.recent.find((action) => action.id === id)?.status,
    };
  }

  it('an overdue action reads expired on every read path and nothing is written until the step commits it', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const reviewer = await w.person(['reviewer']);
    const id = await w.propose(agent, tool, 'pending_review');
    const { expiresAt } = await overdue(id);

    const before = await snapshot();
    const read = await readEverywhere(id, reviewer, agent);
    expect(read).toEqual({
      inQueue: false,
      count: 0,
      total: 0,
      card: 'expired',
      cardOffersDecision: false,
      edit: 'expired',
      agentGet: 'expired',
      agentWait: 'expired',
      agentReason: `no decision before the deadline ${expiresAt!.toISOString()}`,
      listedExpired: true,
      listedPending: false,
      next: false,
      agentPage: 'expired',
      trackRecord: 'expired',
    });
    expect(await snapshot(), 'no read wrote anything').toEqual(before);
    expect((await w.actionRow(id)).status).toBe('pending_review');

    expect(await step.expireOverdueActions()).toBe(1);
    expect((await w.actionRow(id)).status).toBe('expired');
    expect(await w.auditTypes(id)).toEqual(['action.proposed', 'gate.decided', 'action.expired']);
    expect(await readEverywhere(id, reviewer, agent), 'reads say the same once it is committed').toEqual(read);
    expect(await step.expireOverdueActions(), 'a second pass finds nothing').toBe(0);
  });

  it('frozen by a stop, an overdue action reads pending everywhere and the step passes it by', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const reviewer = await w.person(['reviewer']);
    const id = await w.propose(agent, tool, 'pending_review');
    const { id: switchId } = await engageSwitch(w.SETUP, {
      scope: 'agent',
      agent: agent.id,
      effect: 'block',
      reason: 'incident 14',
    });
    // The stop came 10 s ago, before the deadline that passed 1 s ago: the deadline is frozen, not passed.
    await database.client.switch.update({
      where: { id: switchId },
      data: { engagedAt: new Date(Date.now() - 10_000) },
    });
    await overdue(id);

    const before = await snapshot();
    const read = await readEverywhere(id, reviewer, agent, 1);
    expect(read).toMatchObject({
      inQueue: true,
      card: 'pending_review',
      edit: 'pending_review',
      agentGet: 'pending_review',
      agentWait: 'pending_review',
      listedExpired: false,
      listedPending: true,
      agentPage: 'pending_review',
      trackRecord: 'pending_review',
    });
    expect(await snapshot(), 'no read wrote anything').toEqual(before);

    expect(await step.expireOverdueActions()).toBe(0);
    expect((await w.actionRow(id)).status).toBe('pending_review');
    await releaseSwitch(w.SETUP, { id: switchId, reason: 'contained' });
  });

  it('one tick of the loop commits the expiry (the step runs first in the tick)', async () => {
    const { agent, tool } = await w.agentWithRefundTool();
    const id = await w.propose(agent, tool, 'pending_review');
    await overdue(id);
    await runJobsOnce('expire-overdue-actions-test');
    expect((await w.actionRow(id)).status).toBe('expired');
    expect((await w.auditTrail(id)).filter((event) => event.type === 'action.expired')).toEqual([
      expect.objectContaining({ actorType: 'system', actorId: 'review-deadline' }),
    ]);
  });
});

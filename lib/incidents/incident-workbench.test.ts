// The workbench's reads and marks on a real, migrated SQLite file through the app's own modules: which events and
// actions an incident covers (its agents, its window), marks refused outside them or after closing, the replay.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { useSqliteTestDatabase } from '../db/sqlite-test-database';

const admin: Actor = { type: 'user', id: 'u-admin', email: 'ada@example.test', name: 'Ada Admin', roles: ['admin'] };
const reviewer: Actor = {
  type: 'user',
  id: 'u-rev',
  email: 'rex@example.test',
  name: 'Rex Reviewer',
  roles: ['reviewer'],
};
const HOUR = 3600_000;
const start = new Date(Date.now() - 10 * HOUR);
const at = (hours: number) => new Date(start.getTime() + hours * HOUR);

describe('incident workbench on SQLite', () => {
  defineWorkbenchTests(useSqliteTestDatabase('warden-incident-workbench-'));
});

// PostgreSQL (WARDEN_TEST_POSTGRES_URL, a *_test database whose public schema this suite wipes): the same rules, the
// same queries through the other engine (date bounds, GROUP BY, the open-incident compare-and-set).
const postgresUrl = process.env.WARDEN_TEST_POSTGRES_URL;
describe.skipIf(!postgresUrl)('incident workbench on PostgreSQL', () => {
  const database = {} as { client: Db };
  let disconnect: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (!/_test(\?|$)/.test(new URL(postgresUrl!).pathname + new URL(postgresUrl!).search))
      throw new Error('WARDEN_TEST_POSTGRES_URL must name a *_test database');
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    await admin.end();
    process.env.DATABASE_URL = postgresUrl;
    vi.resetModules();
    await (await import('../db/migrate')).migrateDatabase();
    const client = await import('../db/client');
    database.client = client.db();
    disconnect = client.disconnectDb;
  });
  afterAll(async () => disconnect?.());
  defineWorkbenchTests(database);
});

function defineWorkbenchTests(database: { client: Db }) {
  const mod = async () => ({
    ...(await import('./get-incident-timeline')),
    ...(await import('./get-incident-summary')),
    ...(await import('./mark-incident-actions')),
    ...(await import('./replay-incident')),
  });

  async function seed() {
    const db = database.client;
    await db.user.createMany({
      data: [
        { id: 'u-admin', email: 'ada@example.test', name: 'Ada Admin', roles: 'admin', passwordHash: 'x' },
        { id: 'u-rev', email: 'rex@example.test', name: 'Rex Reviewer', roles: 'reviewer', passwordHash: 'x' },
        { id: 'u-own', email: 'olga@example.test', name: 'Olga', roles: 'owner', passwordHash: 'x' },
      ],
    });
    await db.agent.createMany({
      data: [
        { id: 'a-refund', name: 'refund-bot', purpose: 'refunds', ownerId: 'u-own' },
        { id: 'a-mail', name: 'mail-bot', purpose: 'mail', ownerId: 'u-own' },
      ],
    });
    const object = JSON.stringify({
      type: 'object',
      properties: { amount: { type: 'number' }, refundId: { type: 'string' } },
    });
    await db.tool.createMany({
      data: [
        {
          id: 't-issue',
          name: 'refund.issue',
          description: 'Refund',
          actionLevel: 'external',
          parameters: object,
          rollbackKind: 'compensating',
          rollbackToolName: 'refund.cancel',
          rollbackMapping: '{"refundId":"$.result.refundId"}',
          summaryTemplate: 'Refund {amount}',
        },
        { id: 't-cancel', name: 'refund.cancel', description: 'Cancel', actionLevel: 'external', parameters: object },
        { id: 't-mail', name: 'mail.send', description: 'Mail', actionLevel: 'external', parameters: object },
      ],
    });
    await db.grant.createMany({
      data: [
        { id: 'g-issue', agentId: 'a-refund', toolId: 't-issue', approvals: 0 },
        { id: 'g-mail', agentId: 'a-mail', toolId: 't-mail', approvals: 0 },
      ],
    });
    const action = (
      id: string,
      agentId: string,
      toolId: string,
      toolName: string,
      status: string,
      createdAt: Date,
      extra: object = {},
    ) => ({
      id,
      agentId,
      toolId,
      toolName,
      params: '{"amount":120}',
      traceId: `trace-${id}`,
      status,
      createdAt,
      ...extra,
    });
    await db.action.createMany({
      data: [
        action('x-ok', 'a-refund', 't-issue', 'refund.issue', 'succeeded', at(1), {
          reviewerId: 'u-rev',
          result: '{"output":{"refundId":"R-1"}}',
        }),
        action('x-fail', 'a-refund', 't-issue', 'refund.issue', 'failed', at(2)),
        action('x-before', 'a-refund', 't-issue', 'refund.issue', 'succeeded', new Date(start.getTime() - HOUR)),
        action('x-mail', 'a-mail', 't-mail', 'mail.send', 'succeeded', at(1)),
        action('x-comp', 'a-refund', 't-cancel', 'refund.cancel', 'failed', at(3), {
          traceId: 'trace-x-fail',
          rollbackOfId: 'x-fail',
        }),
      ],
    });
    await db.actionApproval.create({ data: { actionId: 'x-ok', reviewerId: 'u-rev' } });
    const event = (type: string, when: Date, extra: object) => ({
      type,
      at: when,
      actorType: 'system',
      actorId: 'gate',
      payload: '{}',
      ...extra,
    });
    await db.auditEvent.createMany({
      data: [
        event('action.proposed', at(1), {
          actorType: 'agent',
          actorId: 'a-refund',
          agentId: 'a-refund',
          actionId: 'x-ok',
        }),
        event('action.approved', new Date(at(1).getTime() + 90_000), {
          actorType: 'user',
          actorId: 'u-rev',
          agentId: 'a-refund',
          actionId: 'x-ok',
        }),
        event('action.claimed', at(1.1), {
          actorType: 'agent',
          actorId: 'a-refund',
          agentId: 'a-refund',
          actionId: 'x-ok',
        }),
        event('action.succeeded', at(1.2), {
          actorType: 'agent',
          actorId: 'a-refund',
          agentId: 'a-refund',
          actionId: 'x-ok',
          payload: '{"downstreamRef":"R-1"}',
        }),
        event('action.proposed', at(2), {
          actorType: 'agent',
          actorId: 'a-refund',
          agentId: 'a-refund',
          actionId: 'x-fail',
        }),
        event('action.failed', at(2.1), {
          actorType: 'agent',
          actorId: 'a-refund',
          agentId: 'a-refund',
          actionId: 'x-fail',
        }),
        event('action.proposed', at(3), {
          actorType: 'agent',
          actorId: 'a-refund',
          agentId: 'a-refund',
          actionId: 'x-comp',
        }),
        event('action.proposed', new Date(start.getTime() - HOUR), {
          actorType: 'agent',
          actorId: 'a-refund',
          agentId: 'a-refund',
          actionId: 'x-before',
        }),
        event('action.proposed', at(1), {
          actorType: 'agent',
          actorId: 'a-mail',
          agentId: 'a-mail',
          actionId: 'x-mail',
        }),
        event('switch.global_stop_engaged', at(4), {
          actorType: 'user',
          actorId: 'u-admin',
          payload: '{"reason":"stop"}',
        }),
        event('agent_key.revoked', at(4), {
          actorType: 'user',
          actorId: 'u-admin',
          agentId: 'a-refund',
          payload: '{"keyId":"k1","prefix":"wk_1"}',
        }),
      ],
    });
    await db.incident.create({
      data: {
        id: 'inc-open',
        title: 'Odd refunds',
        severity: 'high',
        windowStart: start,
        agents: { create: [{ agentId: 'a-refund' }] },
      },
    });
    await db.incident.create({
      data: {
        id: 'inc-closed',
        title: 'Old',
        severity: 'low',
        windowStart: start,
        windowEnd: at(5),
        status: 'closed',
        closedAt: at(5),
        resolution: 'done',
        agents: { create: [{ agentId: 'a-refund' }] },
      },
    });
  }

  it("timeline: the incident agents' events in the window, grouped by trace, with workspace-wide switches", async () => {
    await seed();
    const { getIncidentTimeline } = await mod();
    const timeline = await getIncidentTimeline(admin, 'inc-open');
    expect(timeline.groups.map((g) => g.traceId ?? g.events[0].type)).toEqual([
      'trace-x-ok',
      'trace-x-fail',
      'switch.global_stop_engaged',
      'agent_key.revoked',
    ]);
    const ok = timeline.groups[0];
    expect(ok.events.map((e) => e.type)).toEqual([
      'action.proposed',
      'action.approved',
      'action.claimed',
      'action.succeeded',
    ]);
    expect(ok.events[1]).toMatchObject({ actorName: 'Rex Reviewer', decidedAfterMs: 90_000, category: 'decisions' });
    expect(ok.actions).toEqual([{ id: 'x-ok', tool: 'refund.issue', summary: 'Refund 120', status: 'succeeded' }]);
    // The failed attempt and its compensation share the trace.
    expect(timeline.groups[1].actions.map((a) => a.id)).toEqual(['x-fail', 'x-comp']);
  });

  it('timeline filters: kind of event, tool, status, reviewer; refused to a reviewer', async () => {
    const { getIncidentTimeline } = await mod();
    const traces = async (filter: object) =>
      (await getIncidentTimeline(admin, 'inc-open', filter)).groups.map((g) => g.traceId ?? g.events[0].type);
    expect(await traces({ category: 'results' })).toEqual(['trace-x-ok', 'trace-x-fail']);
    expect(await traces({ category: 'switches' })).toEqual(['switch.global_stop_engaged']);
    expect(await traces({ category: 'keys' })).toEqual(['agent_key.revoked']);
    expect(await traces({ tool: 'refund.cancel' })).toEqual(['trace-x-fail']);
    expect(await traces({ status: 'failed' })).toEqual(['trace-x-fail']);
    expect(await traces({ reviewer: 'u-rev' })).toEqual(['trace-x-ok']);
    expect(await traces({ reviewer: 'u-admin' })).toEqual([]);
    await expect(getIncidentTimeline(reviewer, 'inc-open')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getIncidentTimeline(admin, 'nope')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('summary: counts, what executed with rollback availability, a failed compensation flagged', async () => {
    const { getIncidentSummary } = await mod();
    const summary = await getIncidentSummary(admin, 'inc-open');
    expect(summary.total).toBe(3);
    expect(summary.byStatus).toEqual([
      { key: 'failed', label: 'failed', count: 2 },
      { key: 'succeeded', label: 'succeeded', count: 1 },
    ]);
    expect(summary.byReviewer).toEqual([{ key: 'u-rev', label: 'Rex Reviewer', count: 1 }]);
    const row = (id: string) => summary.actions.find((a) => a.id === id)!;
    expect(row('x-ok').rollback).toEqual({
      kind: 'compensating',
      compensatingTool: 'refund.cancel',
      state: 'none',
      requestable: true,
    });
    expect(row('x-fail').rollback).toMatchObject({ state: 'failed', requestable: false });
    expect(summary.failedCompensations).toEqual(['x-fail']);
    expect(row('x-comp').rollbackOf).toBe('x-fail');
    expect(summary.actions.map((a) => a.id)).not.toContain('x-before');
  });

  it('marks a selection with a note: current mark replaced, one audit event per action with the previous mark', async () => {
    const { markIncidentActions } = await mod();
    const db = database.client;
    await markIncidentActions(admin, {
      incidentId: 'inc-open',
      actionIds: ['x-ok', 'x-fail'],
      mark: 'needs_follow_up',
      note: 'check',
    });
    await markIncidentActions(admin, {
      incidentId: 'inc-open',
      actionIds: ['x-ok'],
      mark: 'verified_fine',
      note: 'customer confirmed',
    });
    const marks = await db.incidentMark.findMany({ where: { incidentId: 'inc-open' }, orderBy: { actionId: 'asc' } });
    expect(marks.map((m) => [m.actionId, m.mark, m.note, m.markedById])).toEqual([
      ['x-fail', 'needs_follow_up', 'check', 'u-admin'],
      ['x-ok', 'verified_fine', 'customer confirmed', 'u-admin'],
    ]);
    const events = await db.auditEvent.findMany({
      where: { type: 'incident.marked', actionId: 'x-ok' },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => JSON.parse(e.payload))).toEqual([
      { incidentId: 'inc-open', mark: 'needs_follow_up', note: 'check', previous: null },
      { incidentId: 'inc-open', mark: 'verified_fine', note: 'customer confirmed', previous: 'needs_follow_up' },
    ]);
    expect(events[1]).toMatchObject({ actorType: 'user', actorId: 'u-admin', agentId: 'a-refund' });
  });

  it.each([
    ["another agent's action", ['x-mail'], 'invalid_input'],
    ['an action proposed before the window', ['x-before'], 'invalid_input'],
    ['one outside among ones inside', ['x-ok', 'x-mail'], 'invalid_input'],
    ['no such action', ['x-ghost'], 'invalid_input'],
  ])('marks nothing for %s', async (_, actionIds, code) => {
    const { markIncidentActions } = await mod();
    const before = await database.client.auditEvent.count({ where: { type: 'incident.marked' } });
    await expect(
      markIncidentActions(admin, { incidentId: 'inc-open', actionIds, mark: 'rolled_back', note: '' }),
    ).rejects.toMatchObject({ code });
    expect(await database.client.auditEvent.count({ where: { type: 'incident.marked' } })).toBe(before);
    expect(
      (
        await database.client.incidentMark.findUnique({
          where: { incidentId_actionId: { incidentId: 'inc-open', actionId: 'x-ok' } },
        })
      )?.mark,
    ).toBe('verified_fine');
  });

  it('refuses marks on a closed incident (409), by a reviewer (403), with no selection or an unknown mark (422)', async () => {
    const { markIncidentActions } = await mod();
    await expect(
      markIncidentActions(admin, { incidentId: 'inc-closed', actionIds: ['x-ok'], mark: 'verified_fine', note: '' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await database.client.incidentMark.count({ where: { incidentId: 'inc-closed' } })).toBe(0);
    await expect(
      markIncidentActions(reviewer, { incidentId: 'inc-open', actionIds: ['x-ok'], mark: 'verified_fine', note: '' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      markIncidentActions(admin, { incidentId: 'inc-open', actionIds: [], mark: 'verified_fine', note: '' }),
    ).rejects.toThrow(/select at least one action/);
    await expect(
      markIncidentActions(admin, { incidentId: 'inc-open', actionIds: ['x-ok'], mark: 'bogus' as never, note: '' }),
    ).rejects.toThrow();
    await expect(
      markIncidentActions(admin, { incidentId: 'nope', actionIds: ['x-ok'], mark: 'verified_fine', note: '' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it("replay: a tightened grant would have sent the window's approved refunds to review; only the incident's agents' grants", async () => {
    const { replayIncident } = await mod();
    const db = database.client;
    // The two refunds in the window were decided approved by the open grant (approvals 0); one before the window is not replayed.
    const replay = await replayIncident(admin, {
      incidentId: 'inc-open',
      grantId: 'g-issue',
      rules: { approvals: 0, constraints: [{ kind: 'range', param: 'amount', max: 100, effect: 'block' }] },
    });
    expect(replay).toMatchObject({ total: 2, stopped: 2, grant: { agentName: 'refund-bot', tool: 'refund.issue' } });
    expect(replay.changes.map((c) => [c.actionId, c.before, c.after, c.status, c.executed, c.stopped])).toEqual([
      ['x-ok', 'approved', 'blocked', 'succeeded', true, true],
      ['x-fail', 'approved', 'blocked', 'failed', true, true],
    ]);
    const unchanged = await replayIncident(admin, {
      incidentId: 'inc-open',
      grantId: 'g-issue',
      rules: { approvals: 0 },
    });
    expect(unchanged).toMatchObject({ total: 2, stopped: 0, changes: [] });
    await expect(
      replayIncident(admin, { incidentId: 'inc-open', grantId: 'g-mail', rules: { approvals: 1 } }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      replayIncident(reviewer, { incidentId: 'inc-open', grantId: 'g-issue', rules: { approvals: 1 } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.grant.findUniqueOrThrow({ where: { id: 'g-issue' } })).toMatchObject({ approvals: 0, version: 1 });
  });
}

import { describe, expect, it } from 'vitest';
import type { QueueFacets } from '../actions/count-pending-facets';
import type { PendingActionRow } from '../actions/read-queue-rows';
import { initialQueueState, queueReducer, type QueueState } from './queue-state';

const FACETS: QueueFacets = { total: 0, matching: 0, byAgent: [], byRisk: {}, waitingForMe: 0, agents: [], tools: [] };

function row(id: string, extra: Partial<PendingActionRow> = {}): PendingActionRow {
  return {
    id,
    summary: null,
    tool: 't',
    agent: 'a',
    actionLevel: 'create',
    supportsRollback: false,
    riskFlags: [],
    riskWeight: 0,
    reason: null,
    requester: null,
    requesterVerified: false,
    approvals: 0,
    required: 1,
    assignedGroup: null,
    traceId: id,
    traceSize: 1,
    createdAt: '2026-12-06T00:00:00.000Z',
    expiresAt: null,
    frozen: false,
    waitingForMe: true,
    override: false,
    ...extra,
  };
}
const ids = (state: QueueState) => state.rows.map((r) => r.id);

describe('the open queue on the client', () => {
  it('puts a new row in its place when nobody is pointing at the list', () => {
    const state = initialQueueState('newest', [row('05'), row('03')], null, FACETS);
    const next = queueReducer(state, { type: 'delta', upserted: [row('07'), row('04')], removed: [], hold: false });
    expect(ids(next)).toEqual(['07', '05', '04', '03']);
    expect(next.held).toEqual([]);
  });

  it('holds new rows while the reviewer points at the list, and shows them on release', () => {
    const state = initialQueueState('newest', [row('05'), row('03')], null, FACETS);
    const held = queueReducer(state, { type: 'delta', upserted: [row('07')], removed: [], hold: true });
    expect(ids(held)).toEqual(['05', '03']);
    expect(held.held.map((r) => r.id)).toEqual(['07']);
    expect(ids(queueReducer(held, { type: 'release' }))).toEqual(['07', '05', '03']);
  });

  it('changes a shown row in place, even when its sort key moved (nothing moves under the pointer)', () => {
    const state = initialQueueState(
      'risk',
      [row('05', { riskWeight: 100 }), row('03', { riskWeight: 10 })],
      null,
      FACETS,
    );
    const next = queueReducer(state, {
      type: 'delta',
      upserted: [row('03', { riskWeight: 200, approvals: 1 })],
      removed: [],
      hold: true,
    });
    expect(ids(next)).toEqual(['05', '03']);
    expect(next.rows[1]).toMatchObject({ approvals: 1, riskWeight: 200 });
  });

  it('removes rows that left, held or shown, and remembers who decided the ones it showed', () => {
    let state = initialQueueState('newest', [row('05'), row('03')], null, FACETS);
    state = queueReducer(state, { type: 'delta', upserted: [row('07')], removed: [], hold: true });
    state = queueReducer(state, {
      type: 'delta',
      upserted: [],
      hold: true,
      removed: [
        { id: '05', status: 'approved', decidedBy: 'Bob' },
        { id: '07', status: 'rejected', decidedBy: 'Ann' },
        { id: '99', status: 'approved', decidedBy: 'X' },
      ],
    });
    expect(ids(state)).toEqual(['03']);
    expect(state.held).toEqual([]);
    expect(state.gone).toEqual({
      '05': { id: '05', status: 'approved', decidedBy: 'Bob' },
      '07': { id: '07', status: 'rejected', decidedBy: 'Ann' },
    });
  });

  it('leaves a new row beyond the loaded pages to "Show more"', () => {
    const state = initialQueueState('newest', [row('09'), row('08')], '08', FACETS);
    const next = queueReducer(state, { type: 'delta', upserted: [row('02'), row('10')], removed: [], hold: false });
    expect(ids(next)).toEqual(['10', '09', '08']);
    expect(ids(queueReducer(next, { type: 'more', rows: [row('08'), row('02')], nextCursor: null }))).toEqual([
      '10',
      '09',
      '08',
      '02',
    ]);
  });

  it('a resync of the first page drops rows that left meanwhile and adds the ones that came', () => {
    const state = initialQueueState('newest', [row('09'), row('08'), row('06')], null, FACETS);
    const next = queueReducer(state, {
      type: 'resync',
      rows: [row('10'), row('09'), row('06')],
      nextCursor: null,
      hold: false,
    });
    expect(ids(next)).toEqual(['10', '09', '06']);
    expect(next.gone).toEqual({});
  });
});

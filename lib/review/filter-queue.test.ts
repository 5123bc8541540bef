import { describe, expect, it } from 'vitest';
import { countQueue, filterQueue, type QueueFacts } from './filter-queue';
import { queueFilterSchema, type QueueFilter } from './schemas';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const row = (id: string, over: Partial<QueueFacts> = {}): QueueFacts & { id: string } => ({
  id, agent: 'billing-bot', tool: 'refund', actionLevel: 'update', riskCodes: [], requester: null, createdAt: ago(1), waitingForMe: true, ...over,
});
const rows = [
  row('a'),
  row('b', { agent: 'support-bot', tool: 'send_email', actionLevel: 'external', riskCodes: ['instruction_text', 'no_sources'], createdAt: ago(20) }),
  row('c', { agent: 'support-bot', requester: 'Dana@Corp.test', riskCodes: ['unverified_requester'], createdAt: ago(90), waitingForMe: false }),
  row('d', { actionLevel: null, tool: 'gone', riskCodes: ['no_sources'], createdAt: ago(300) }),
];
const filter = (over: Partial<QueueFilter> = {}): QueueFilter => ({ mine: false, ...over });
const ids = (f: QueueFilter) => filterQueue(rows, f, NOW).map((r) => r.id);

describe('filterQueue', () => {
  it.each<[string, Partial<QueueFilter>, string[]]>([
    ['no filter', {}, ['a', 'b', 'c', 'd']],
    ['agent', { agent: 'support-bot' }, ['b', 'c']],
    ['tool', { tool: 'refund' }, ['a', 'c']],
    ['action level', { level: 'external' }, ['b']],
    ['risk flag', { risk: 'no_sources' }, ['b', 'd']],
    ['requester: part of it, any case', { requester: 'dana@' }, ['c']],
    ['older than 15 min', { age: '15m' }, ['b', 'c', 'd']],
    ['older than 1 h', { age: '1h' }, ['c', 'd']],
    ['older than 4 h', { age: '4h' }, ['d']],
    ['waiting for me', { mine: true }, ['a', 'b', 'd']],
    ['filters combine', { agent: 'support-bot', mine: true }, ['b']],
  ])('%s', (_name, over, expected) => {
    expect(ids(filter(over))).toEqual(expected);
  });
});

describe('countQueue', () => {
  it('counts every agent and risk flag overall', () => {
    expect(countQueue(rows, filter(), NOW)).toEqual({
      byAgent: [{ name: 'billing-bot', count: 2 }, { name: 'support-bot', count: 2 }],
      byRisk: { instruction_text: 1, no_sources: 2, unverified_requester: 1 },
      waitingForMe: 3,
    });
  });

  it('counts a dimension under the other filters, not its own', () => {
    const counts = countQueue(rows, filter({ agent: 'support-bot', risk: 'no_sources' }), NOW);
    // Agents: under risk=no_sources only (b, d); risks: under agent=support-bot only (b, c).
    expect(counts.byAgent).toEqual([{ name: 'billing-bot', count: 1 }, { name: 'support-bot', count: 1 }]);
    expect(counts.byRisk).toEqual({ instruction_text: 1, no_sources: 1, unverified_requester: 1 });
    expect(counts.waitingForMe).toBe(1);
  });
});

describe('queueFilterSchema', () => {
  it('reads the URL, dropping unknown choices instead of failing', () => {
    expect(queueFilterSchema.parse({ agent: ['x', 'y'], level: 'nuclear', risk: 'instruction_text', age: '2d', requester: '  ', mine: '1' })).toEqual({
      agent: 'x', tool: undefined, level: undefined, risk: 'instruction_text', requester: undefined, age: undefined, mine: true,
    });
    expect(queueFilterSchema.parse({})).toEqual({ agent: undefined, tool: undefined, level: undefined, risk: undefined, requester: undefined, age: undefined, mine: false });
    expect(queueFilterSchema.parse({ mine: 'yes', requester: 'x'.repeat(201) }).mine).toBe(false);
  });
});

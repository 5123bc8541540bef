import { describe, expect, it } from 'vitest';
import { oversightKindOf, parseOversight } from './oversight-events';

describe('oversightKindOf', () => {
  it.each([
    ['switch.global_stop_engaged', 'switches'],
    ['switch.global_stop_released', 'switches'],
    ['switch.engaged', 'switches'],
    ['switch.released', 'switches'],
    ['switch.engage_unchanged', null],
    ['agent.paused', 'agent_pauses'],
    ['agent.resumed', 'agent_pauses'],
    ['action.expired', 'expiries'],
    ['notification.delivery_failed', 'channel_failures'],
    ['incident.opened', 'incidents'],
    ['incident.marked', null],
    ['return_to_normal.approved', 'incidents'],
    ['gate.decided', null],
    ['action.approved', null],
    ['agent.created', null],
    ['switchboard.x', null],
  ])('%s → %s', (type, kind) => {
    expect(oversightKindOf(type)).toBe(kind);
  });
});

describe('parseOversight', () => {
  it('keeps known kinds in their canonical order and drops the rest', () => {
    expect(parseOversight('["expiries","nonsense","switches"]')).toEqual(['switches', 'expiries']);
  });
  it.each(['', 'null', '{}', '"switches"', 'not json'])('reads %j as no subscription', (text) => {
    expect(parseOversight(text)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { ACTION_LEVELS, type ActionLevel } from './action-levels';
import { applicableFloor, DEFAULT_LEVEL_FLOORS, floorViolation, type StoredFloors } from './admin-floors';

const tool = (actionLevel: ActionLevel) => ({ name: 'refund.issue', actionLevel });

describe('applicableFloor: a tool floor raises its level floor, never lowers it', () => {
  const table: [ActionLevel, StoredFloors, number, 'level' | 'tool', string][] = [
    ['external', { level: null, tool: null }, 1, 'level', 'external tools need at least 1 approval (admin floor)'],
    ['update', { level: null, tool: null }, 0, 'level', 'update tools need at least 0 approvals (admin floor)'],
    ['external', { level: 0, tool: null }, 0, 'level', 'external tools need at least 0 approvals (admin floor)'],
    ['external', { level: 1, tool: 2 }, 2, 'tool', 'refund.issue needs at least 2 approvals (admin floor)'],
    ['external', { level: 2, tool: 1 }, 2, 'level', 'external tools need at least 2 approvals (admin floor)'],
    ['read', { level: null, tool: 1 }, 1, 'tool', 'refund.issue needs at least 1 approval (admin floor)'],
  ];
  it.each(table)('%s %j → %d from the %s', (level, stored, min, source, message) => {
    expect(applicableFloor(tool(level), stored)).toEqual({ minApprovals: min, source, message });
  });

  it('a fresh install asks a human for every external call and for nothing else', () => {
    expect(ACTION_LEVELS.filter((level) => DEFAULT_LEVEL_FLOORS[level] > 0)).toEqual(['external']);
  });
});

describe('floorViolation counts the approvals every call waits for', () => {
  const floor = applicableFloor(tool('external'), { level: 2, tool: null });
  const table: [number, string[], string | null][] = [
    [2, [], null],
    [3, [], null],
    [1, [], 'external tools need at least 2 approvals (admin floor)'],
    [0, ['finance', 'security'], null],
    [0, ['finance'], 'external tools need at least 2 approvals (admin floor)'],
  ];
  it.each(table)('approvals %d, required groups %j → %s', (approvals, requiredGroups, expected) => {
    expect(floorViolation({ approvals, requiredGroups }, floor)).toBe(expected);
  });
});

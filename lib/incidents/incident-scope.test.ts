import { describe, expect, it } from 'vitest';
import {
  actionWhere,
  agentIdWhere,
  incidentWindow,
  scopeCoversAgent,
  scopeCoversTime,
  type IncidentScope,
} from './incident-scope';

const start = new Date('2026-12-05T14:00:00Z');
const now = new Date('2026-12-06T06:00:00Z');
const named: IncidentScope = {
  incidentId: 'i',
  allAgents: false,
  agentIds: ['a1', 'a2'],
  windowStart: start,
  windowEnd: null,
};
const everyone: IncidentScope = { ...named, allAgents: true, agentIds: [] };

describe('incident scope', () => {
  it('runs the window to now while open, to its end once closed', () => {
    expect(incidentWindow(named, now)).toEqual({ start, end: now });
    const end = new Date('2026-12-05T18:00:00Z');
    expect(incidentWindow({ ...named, windowEnd: end }, now)).toEqual({ start, end });
    expect(scopeCoversTime({ ...named, windowEnd: end }, end, now)).toBe(true);
    expect(scopeCoversTime({ ...named, windowEnd: end }, new Date(end.getTime() + 1), now)).toBe(false);
    expect(scopeCoversTime(named, new Date(start.getTime() - 1), now)).toBe(false);
  });

  it.each([
    [named, 'a1', true],
    [named, 'a3', false],
    [named, null, false],
    [everyone, 'a3', true],
    [everyone, null, false],
  ] as const)('covers agents: %#', (scope, agentId, covered) => {
    expect(scopeCoversAgent(scope, agentId)).toBe(covered);
  });

  it('filters on agents only when the incident names them', () => {
    expect(agentIdWhere(named)).toEqual({ agentId: { in: ['a1', 'a2'] } });
    expect(agentIdWhere(everyone)).toEqual({});
    expect(actionWhere(everyone, now)).toEqual({ createdAt: { gte: start, lte: now } });
  });
});

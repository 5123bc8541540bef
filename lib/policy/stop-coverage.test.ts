import { describe, expect, it } from 'vitest';
import {
  deadlineAfterRelease,
  describeStop,
  isDeadlineFrozen,
  refusalMarker,
  stopsCovering,
  type CoveredWork,
  type EngagedSwitch,
} from './stop-coverage';
import type { SwitchEffect, SwitchScope } from './switch-effects';

const T0 = Date.parse('2026-12-06T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const sw = (
  id: string,
  scope: SwitchScope,
  effect: SwitchEffect,
  engagedMinute: number | null,
  target: { agentId?: string; toolName?: string } = {},
): EngagedSwitch => ({
  id,
  scope,
  effect,
  agentId: target.agentId ?? null,
  toolName: target.toolName ?? null,
  reason: `reason ${id}`,
  engagedAt: engagedMinute === null ? null : at(engagedMinute),
});
/** Proposed at minute 0 by agent a1 with tool refund.issue, deadline at minute 60. */
const work = (changes: Partial<CoveredWork> = {}): CoveredWork => ({
  agentId: 'a1',
  toolName: 'refund.issue',
  createdAt: at(0),
  expiresAt: at(60),
  ...changes,
});

describe('stopsCovering: which engaged switches hold a waiting action of (a1, refund.issue)', () => {
  it.each<[string, EngagedSwitch, boolean]>([
    ['the global stop', sw('global_stop', 'global', 'block', 10), true],
    ['a block on this agent', sw('s', 'agent', 'block', 10, { agentId: 'a1' }), true],
    ['a block on another agent', sw('s', 'agent', 'block', 10, { agentId: 'a2' }), false],
    ['a block on this tool everywhere', sw('s', 'tool', 'block', 10, { toolName: 'refund.issue' }), true],
    ['a block on another tool', sw('s', 'tool', 'block', 10, { toolName: 'mail.send' }), false],
    [
      'a block on this agent and tool',
      sw('s', 'agent-tool', 'block', 10, { agentId: 'a1', toolName: 'refund.issue' }),
      true,
    ],
    [
      'a block on this agent and another tool',
      sw('s', 'agent-tool', 'block', 10, { agentId: 'a1', toolName: 'mail.send' }),
      false,
    ],
    ['review-all does not freeze', sw('s', 'global', 'review-all', 10), false],
    ['draft-only does not freeze', sw('s', 'agent', 'draft-only', 10, { agentId: 'a1' }), false],
    ['an unknown effect freezes (fail closed)', sw('s', 'global', 'halt' as SwitchEffect, 10), true],
    ['a block engaged after the deadline passed does not', sw('s', 'global', 'block', 61), false],
    ['a block engaged exactly at the deadline does not', sw('s', 'global', 'block', 60), false],
    ['an engagement time unknown covers (fail closed)', sw('s', 'global', 'block', null), true],
  ])('%s', (_, fact, covers) => {
    expect(stopsCovering([fact], work()).length === 1).toBe(covers);
    expect(isDeadlineFrozen([fact], work())).toBe(covers);
  });

  it('covers an action with no deadline (it cannot be approved), but no deadline is frozen', () => {
    const stop = sw('global_stop', 'global', 'block', 10);
    expect(stopsCovering([stop], work({ expiresAt: null }))).toHaveLength(1);
    expect(isDeadlineFrozen([stop], work({ expiresAt: null }))).toBe(false);
  });
});

describe('deadlineAfterRelease: the frozen time is given back', () => {
  const stop = sw('global_stop', 'global', 'block', 10);
  it.each<[string, CoveredWork, EngagedSwitch, number, EngagedSwitch[], Date | null]>([
    ['engaged at 10, released at 40: 30 minutes later', work(), stop, 40, [], at(90)],
    ['released after the old deadline (frozen past it): still the whole frozen time', work(), stop, 100, [], at(150)],
    ['proposed after the stop: frozen from its creation', work({ createdAt: at(20) }), stop, 40, [], at(80)],
    ['already past its deadline when the stop came: unchanged', work({ expiresAt: at(5) }), stop, 40, [], at(5)],
    [
      'a block engaged later still covers it: the 5 minutes before it came (its release gives back the rest)',
      work(),
      stop,
      40,
      [sw('b', 'agent', 'block', 15, { agentId: 'a1' })],
      at(65),
    ],
    [
      'a block engaged earlier still covers it: nothing (its release gives back all)',
      work(),
      stop,
      40,
      [sw('b', 'agent', 'block', 5, { agentId: 'a1' })],
      at(60),
    ],
    [
      'a block of unknown engagement time still covers it: nothing',
      work(),
      stop,
      40,
      [sw('b', 'agent', 'block', null, { agentId: 'a1' })],
      at(60),
    ],
    [
      'another block elsewhere does not hold it',
      work(),
      stop,
      40,
      [sw('b', 'agent', 'block', 15, { agentId: 'a2' })],
      at(90),
    ],
    ['a review-all still engaged does not hold it', work(), stop, 40, [sw('r', 'global', 'review-all', 15)], at(90)],
    [
      'a switch that never covered it: unchanged',
      work(),
      sw('s', 'tool', 'block', 10, { toolName: 'mail.send' }),
      40,
      [],
      at(60),
    ],
    ['no deadline: none', work({ expiresAt: null }), stop, 40, [], null],
  ])('%s', (_, covered, released, releasedMinute, still, expected) => {
    expect(deadlineAfterRelease(covered, released, at(releasedMinute), still)).toEqual(expected);
  });

  it('overlapping stops give back the whole held time once, whichever is released first', () => {
    const later = sw('b', 'agent', 'block', 15, { agentId: 'a1' });
    // Stop at 10, b at 15; the stop released at 40 (b holds on), b at 70: held 10 → 70, so 60 minutes.
    const afterStop = deadlineAfterRelease(work(), stop, at(40), [later])!;
    expect(deadlineAfterRelease(work({ expiresAt: afterStop }), later, at(70), [])).toEqual(at(120));
    // b released first at 40 (the stop holds on), the stop at 70: the same 60 minutes.
    const afterLater = deadlineAfterRelease(work(), later, at(40), [stop])!;
    expect(afterLater).toEqual(at(60));
    expect(deadlineAfterRelease(work({ expiresAt: afterLater }), stop, at(70), [])).toEqual(at(120));
  });

  it('never moves a deadline earlier', () => {
    expect(deadlineAfterRelease(work(), stop, at(5), [])!.getTime()).toBeGreaterThanOrEqual(at(60).getTime());
  });
});

describe('how stops are named', () => {
  it('the global stop as its refusals say it; others by switch id', () => {
    expect(describeStop(sw('global_stop', 'global', 'block', 1))).toBe('global stop is engaged: reason global_stop');
    expect(describeStop(sw('s1', 'agent', 'block', 1, { agentId: 'a1' }))).toBe(
      'switch s1 (block on agent a1): reason s1',
    );
    expect(describeStop(sw('s1', 'agent', 'block', 1, { agentId: 'a1' }))).toContain(refusalMarker('s1'));
    expect(refusalMarker('global_stop')).toBe('global stop is engaged');
  });
});

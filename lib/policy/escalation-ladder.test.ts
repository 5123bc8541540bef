import { describe, expect, it } from 'vitest';
import { dueEscalationStep } from './escalation-ladder';

const ladder = [
  { afterMinutes: 10, groupId: 'leads' },
  { afterMinutes: 30, groupId: 'managers' },
];
const proposed = new Date('2026-11-25T12:00:00Z');
const at = (minutes: number, seconds = 0) => new Date(proposed.getTime() + minutes * 60_000 + seconds * 1000);

describe('dueEscalationStep', () => {
  it.each<[string, number, Date, ReturnType<typeof dueEscalationStep>]>([
    ['just proposed', 0, at(0), null],
    ['one second before the first step', 0, at(9, 59), null],
    ['the first step, on time', 0, at(10), { afterMinutes: 10, groupId: 'leads', level: 1 }],
    ['first step taken, second not yet due', 1, at(29), null],
    ['the second step', 1, at(30), { afterMinutes: 30, groupId: 'managers', level: 2 }],
    ['long overdue: still the next step only', 0, at(120), { afterMinutes: 10, groupId: 'leads', level: 1 }],
    ['top of the ladder', 2, at(500), null],
    ['a level past the ladder (grant shortened)', 5, at(500), null],
  ])('%s', (_name, level, now, expected) => {
    expect(dueEscalationStep(ladder, { escalationLevel: level, createdAt: proposed }, now)).toEqual(expected);
  });

  it('an empty ladder never escalates', () => {
    expect(dueEscalationStep([], { escalationLevel: 0, createdAt: proposed }, at(10_000))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { paramFields } from './param-fields';

describe('paramFields', () => {
  it('lists every leaf with its JSON type, in submitted order', () => {
    expect(
      paramFields({
        title: 'Refund',
        priority: 2,
        ratio: 0.5,
        urgent: false,
        note: null,
        tags: ['a'],
        meta: {},
        assignee: { email: 'a@example.com' },
      }),
    ).toEqual([
      { path: 'title', type: 'string', value: 'Refund' },
      { path: 'priority', type: 'integer', value: 2 },
      { path: 'ratio', type: 'number', value: 0.5 },
      { path: 'urgent', type: 'boolean', value: false },
      { path: 'note', type: 'null', value: null },
      { path: 'tags', type: 'array', value: ['a'] },
      { path: 'meta', type: 'object', value: {} },
      { path: 'assignee.email', type: 'string', value: 'a@example.com' },
    ]);
  });

  it('a masked path is "hidden", whatever it holds; odd keys are quoted', () => {
    expect(
      paramFields({ card: '••••••', 'first name': 'Ann', bank: { iban: '••••••' } }, ['card', 'bank.iban']),
    ).toEqual([
      { path: 'card', type: 'hidden', value: '••••••' },
      { path: '["first name"]', type: 'string', value: 'Ann' },
      { path: 'bank.iban', type: 'hidden', value: '••••••' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { planToolChanges } from './plan-tool-changes';
import { catalogueToolName, definitionHash, suggestActionLevel, type UpstreamToolDefinition } from './tool-definition';

const def = (name: string, description = 'd', annotations: UpstreamToolDefinition['annotations'] = {}) => ({
  name,
  description,
  inputSchema: { type: 'object', properties: { a: { type: 'string' } } },
  annotations,
});

describe('suggestActionLevel: annotations are hints, the unknown reads as the most cautious level', () => {
  it.each([
    [{ readOnlyHint: true }, 'read'],
    [{ readOnlyHint: true, destructiveHint: true }, 'read'],
    [{ destructiveHint: false }, 'create'],
    [{ destructiveHint: true, openWorldHint: false }, 'update'],
    [{ openWorldHint: false }, 'update'],
    [{ destructiveHint: true, openWorldHint: true }, 'external'],
    [{}, 'external'],
  ])('%j → %s', (annotations, level) => expect(suggestActionLevel(annotations)).toBe(level));
});

describe('definitionHash and names', () => {
  it('ignores key order, follows any change of description or schema', () => {
    const a = def('t');
    const reordered = {
      annotations: {},
      inputSchema: { properties: { a: { type: 'string' } }, type: 'object' },
      description: 'd',
      name: 't',
    };
    expect(definitionHash(reordered)).toBe(definitionHash(a));
    expect(definitionHash(def('t', 'e'))).not.toBe(definitionHash(a));
  });
  it('catalogue names: server prefix, Tool.name alphabet', () =>
    expect(catalogueToolName('crm', 'Create-Ticket')).toBe('crm.create_ticket'));
});

describe('planToolChanges', () => {
  const t = def('t');
  const h = definitionHash(t);
  it('a new tool is added; an unchanged one is nothing', () => {
    expect(planToolChanges([], [], [t]).create).toMatchObject([
      { upstreamName: 't', kind: 'added', definitionHash: h },
    ]);
    expect(planToolChanges([{ upstreamName: 't', definitionHash: h }], [], [t])).toEqual({ create: [], supersede: [] });
  });
  it('a changed definition is held as changed; the same pending change is not recorded twice', () => {
    const changed = def('t', 'now sends e-mail too');
    const plan = planToolChanges([{ upstreamName: 't', definitionHash: h }], [], [changed]);
    expect(plan.create).toMatchObject([{ kind: 'changed', definitionHash: definitionHash(changed) }]);
    const again = planToolChanges(
      [{ upstreamName: 't', definitionHash: h }],
      [{ id: 'p1', upstreamName: 't', kind: 'changed', definitionHash: definitionHash(changed) }],
      [changed],
    );
    expect(again).toEqual({ create: [], supersede: [] });
  });
  it('an upstream that moves back supersedes the pending change; a vanished tool is removed', () => {
    const plan = planToolChanges(
      [
        { upstreamName: 't', definitionHash: h },
        { upstreamName: 'gone', definitionHash: 'x' },
      ],
      [{ id: 'p1', upstreamName: 't', kind: 'changed', definitionHash: 'other' }],
      [t],
    );
    expect(plan.supersede).toEqual(['p1']);
    expect(plan.create).toMatchObject([{ upstreamName: 'gone', kind: 'removed' }]);
  });
});

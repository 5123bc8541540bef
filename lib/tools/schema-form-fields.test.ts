import { describe, expect, it } from 'vitest';
import { holdsSensitive, isFieldLocked, issueBelongsTo, schemaFormFields, type FormField } from './schema-form-fields';

const only = (property: unknown, value?: unknown, required = false): FormField =>
  schemaFormFields(
    { type: 'object', properties: { p: property }, ...(required && { required: ['p'] }) },
    value === undefined ? {} : { p: value },
  )[0];

describe('schemaFormFields: one parameter → one control', () => {
  it.each<[string, unknown, unknown, Partial<FormField>]>([
    ['string', { type: 'string' }, 'x', { kind: 'text', minLength: null, maxLength: null }],
    [
      'string with lengths',
      { type: 'string', minLength: 1, maxLength: 40 },
      undefined,
      { kind: 'text', minLength: 1, maxLength: 40 },
    ],
    [
      'string enum → select',
      { type: 'string', enum: ['low', 'high'] },
      'low',
      { kind: 'select', options: ['low', 'high'] },
    ],
    ['untyped string enum → select', { enum: ['a', 'b'] }, undefined, { kind: 'select', options: ['a', 'b'] }],
    ['number enum → select', { type: 'integer', enum: [1, 2, 3] }, 2, { kind: 'select', options: [1, 2, 3] }],
    [
      'mixed enum → JSON',
      { enum: ['a', 1, null] },
      'a',
      { kind: 'json', reason: 'its allowed values are of mixed types' },
    ],
    ['format email', { type: 'string', format: 'email' }, 'a@x.com', { kind: 'email' }],
    ['format uri', { type: 'string', format: 'uri' }, 'https://x', { kind: 'url' }],
    ['long maxLength → multi-line', { type: 'string', maxLength: 5000 }, 'short', { kind: 'textarea' }],
    ['long current value → multi-line', { type: 'string' }, 'x'.repeat(81), { kind: 'textarea' }],
    ['line break → multi-line', { type: 'string' }, 'a\nb', { kind: 'textarea' }],
    [
      'integer with bounds',
      { type: 'integer', minimum: 1, maximum: 5 },
      2,
      { kind: 'number', integer: true, min: 1, max: 5 },
    ],
    [
      'number, exclusive minimum as the bound',
      { type: 'number', exclusiveMinimum: 0 },
      1.5,
      { kind: 'number', integer: false, min: 0, max: null },
    ],
    ['boolean → checkbox', { type: 'boolean' }, true, { kind: 'checkbox' }],
    [
      'list of text',
      { type: 'array', items: { type: 'string' } },
      ['a'],
      { kind: 'list', item: 'string', options: null },
    ],
    [
      'list of choices',
      { type: 'array', items: { type: 'string', enum: ['x', 'y'] } },
      [],
      { kind: 'list', item: 'string', options: ['x', 'y'] },
    ],
    ['list of integers', { type: 'array', items: { type: 'integer' } }, [1, 2], { kind: 'list', item: 'integer' }],
    [
      'list of objects → JSON',
      { type: 'array', items: { type: 'object' } },
      [{}],
      { kind: 'json', reason: 'its items are not plain text or numbers' },
    ],
    [
      'list whose value is not a list → JSON',
      { type: 'array', items: { type: 'string' } },
      'a',
      { kind: 'json', reason: 'its current value is not a plain list' },
    ],
    [
      'oneOf → JSON',
      { oneOf: [{ type: 'string' }, { type: 'number' }] },
      1,
      { kind: 'json', reason: 'the schema uses oneOf' },
    ],
    ['$ref → JSON', { $ref: '#/definitions/x' }, 1, { kind: 'json', reason: 'the schema uses $ref' }],
    [
      'nullable type list → JSON',
      { type: ['string', 'null'] },
      null,
      { kind: 'json', reason: 'its type is ["string","null"]' },
    ],
    ['no type → JSON', {}, 1, { kind: 'json', reason: 'its type is not given' }],
    [
      'object without properties → JSON',
      { type: 'object' },
      { a: 1 },
      { kind: 'json', reason: 'its properties are not listed' },
    ],
  ])('%s', (_name, property, value, expected) => {
    expect(only(property, value)).toMatchObject({ keys: ['p'], path: 'p', ...expected });
  });

  it('labels from titles, else names; descriptions as help; required marks', () => {
    expect(
      only({ type: 'string', title: 'Ticket title', description: 'Shown to the customer' }, 'x', true),
    ).toMatchObject({
      label: 'Ticket title',
      description: 'Shown to the customer',
      required: true,
    });
    expect(only({ type: 'string' })).toMatchObject({ label: 'p', description: null, required: false });
  });

  it('nests objects as fieldsets with dotted paths, and marks sensitive fields', () => {
    const schema = {
      type: 'object',
      properties: {
        title: { type: 'string' },
        assignee: {
          type: 'object',
          properties: { email: { type: 'string', format: 'email' }, iban: { type: 'string' } },
          required: ['email'],
        },
      },
      required: ['title'],
    };
    const [title, assignee] = schemaFormFields(schema, { title: 't', assignee: { email: 'a@x.com' } }, [
      'assignee.iban',
    ]);
    expect(title).toMatchObject({ kind: 'text', path: 'title', required: true, sensitive: false });
    expect(assignee).toMatchObject({ kind: 'fieldset', path: 'assignee', sensitive: false });
    if (assignee.kind !== 'fieldset') throw new Error('not a fieldset');
    expect(assignee.fields.map((f) => [f.path, f.kind, f.required, f.sensitive])).toEqual([
      ['assignee.email', 'email', true, false],
      ['assignee.iban', 'text', false, true],
    ]);
    expect(holdsSensitive(assignee, ['assignee.iban'])).toBe(true);
    expect(holdsSensitive(title, ['assignee.iban'])).toBe(false);
  });

  it('keeps parameters the schema does not describe, as JSON fields', () => {
    const fields = schemaFormFields(
      { type: 'object', properties: { a: { type: 'string' } } },
      { a: 'x', extra: { n: 1 } },
    );
    expect(fields.map((f) => [f.path, f.kind])).toEqual([
      ['a', 'text'],
      ['extra', 'json'],
    ]);
  });

  it('a root schema without properties is one JSON field for all parameters', () => {
    expect(schemaFormFields({ type: 'object' }, { a: 1 })).toEqual([
      expect.objectContaining({ keys: [], path: '', kind: 'json', label: 'Parameters' }),
    ]);
  });
});

describe('issueBelongsTo', () => {
  const [title, tags, extra] = schemaFormFields(
    { type: 'object', properties: { title: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } } },
    { title: 'x', tags: [], extra: {} },
  );
  it.each<[FormField, string, boolean]>([
    [title, 'title', true],
    [title, 'title.x', false],
    [tags, 'tags.1', true],
    [extra, 'extra.n', true],
    [tags, 'tagsx', false],
  ])('%#', (field, path, expected) => expect(issueBelongsTo(field, path)).toBe(expected));
});

describe('isFieldLocked', () => {
  const schema = {
    type: 'object',
    properties: {
      card: { type: 'string' },
      note: { type: 'string' },
      payout: { type: 'object' },
      to: { type: 'object', properties: { iban: { type: 'string' } } },
    },
  };
  const sensitive = ['card', 'payout.iban', 'to.iban'];
  const [card, note, payout, to] = schemaFormFields(schema, {}, sensitive);
  const iban = to.kind === 'fieldset' ? to.fields[0] : to;
  it.each<[string, FormField, boolean, boolean]>([
    ['sensitive field, masked for this reviewer', card, false, true],
    ['sensitive field, reviewer may see it', card, true, false],
    ['plain field', note, false, false],
    ['JSON field holding a sensitive path', payout, false, true],
    ['fieldset holding one: only the sensitive child is locked', to, false, false],
    ['that child', iban, false, true],
  ])('%s', (_name, field, canEditSensitive, locked) =>
    expect(isFieldLocked(field, sensitive, canEditSensitive)).toBe(locked),
  );
});

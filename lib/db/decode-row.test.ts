import { describe, expect, it } from 'vitest';
import { decodeBoolean, decodeDate, decodeRows, type ColumnKinds } from './decode-row';
import type { DB } from './schema-types';
import type { Selectable } from 'kysely';

describe('decoding typed rows from SQLite and PostgreSQL', () => {
  it.each<[unknown, boolean]>([
    [true, true],
    [1, true],
    [1n, true],
    ['1', true],
    [false, false],
    [0, false],
    [0n, false],
  ])('boolean %s → %s', (value, expected) => {
    expect(decodeBoolean(value)).toBe(expected);
  });

  it.each<[unknown, string]>([
    ['2026-11-25T14:55:27.893+00:00', '2026-11-25T14:55:27.893Z'], // how Prisma's SQLite adapter stores a Date
    [new Date('2026-01-01T00:00:00Z'), '2026-01-01T00:00:00.000Z'], // PostgreSQL
    [1_700_000_000_000, '2023-11-14T22:13:20.000Z'],
    ['not a date', '1970-01-01T00:00:00.000Z'], // unreadable → the past (fail closed)
  ])('date %s', (value, expected) => {
    expect(decodeDate(value).toISOString()).toBe(expected);
  });

  type KeyRow = Pick<Selectable<DB['AgentKey']>, 'id' | 'expiresAt' | 'revokedAt'> & { enabled: boolean };
  const kinds: ColumnKinds<KeyRow> = { expiresAt: 'date', revokedAt: 'date', enabled: 'boolean' };

  it('decodes the columns its table names, keeps null, and leaves every other column as the driver gave it', () => {
    const rows = decodeRows<KeyRow>(
      [{ id: 'k1', expiresAt: '2026-01-01T00:00:00.000+00:00', revokedAt: null, enabled: 0 }],
      kinds,
    );
    expect(rows).toEqual([{ id: 'k1', expiresAt: new Date('2026-01-01T00:00:00Z'), revokedAt: null, enabled: false }]);
  });

  it("the table is checked against the row's type by the compiler", () => {
    // @ts-expect-error a DateTime column of the row is missing from the table
    const missing: ColumnKinds<KeyRow> = { expiresAt: 'date', enabled: 'boolean' };
    // @ts-expect-error a text column is not a date
    const wrong: ColumnKinds<KeyRow> = { expiresAt: 'date', revokedAt: 'date', enabled: 'boolean', id: 'date' };
    // @ts-expect-error a boolean column named as a date
    const kind: ColumnKinds<KeyRow> = { expiresAt: 'date', revokedAt: 'date', enabled: 'date' };
    expect([missing, wrong, kind]).toHaveLength(3);
  });
});

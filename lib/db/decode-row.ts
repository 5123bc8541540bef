/*
 * Rows of the hot path's typed SQL (lib/db/typed-sql.ts) as the schema types them. PostgreSQL hands back booleans and
 * Dates; SQLite hands back booleans as 0/1 (or bigint) and dates as the text Prisma's adapter wrote (or a number).
 * One decoder for both, driven by a table of the row's Date and boolean columns that the compiler checks against the
 * row's type (which Kysely derives from the Prisma schema): a DateTime or Boolean column selected but missing from the
 * table, or a table entry naming a column of another type, fails `tsc`.
 */

type Present<T> = Exclude<T, null | undefined>;
type ColumnsOfType<Row, V> = {
  [K in keyof Row]-?: [Present<Row[K]>] extends [never] ? never : Present<Row[K]> extends V ? K : never;
}[keyof Row];

export type DateColumns<Row> = ColumnsOfType<Row, Date>;
export type BooleanColumns<Row> = ColumnsOfType<Row, boolean>;

/** Every Date and boolean column of `Row`, by kind: exactly these, no more, no fewer. */
export type ColumnKinds<Row> = { readonly [K in DateColumns<Row>]: 'date' } & {
  readonly [K in BooleanColumns<Row>]: 'boolean';
};

/** The rows as `Row`: dates and booleans decoded as `kinds` says; every other column as the driver gave it. */
export function decodeRows<Row>(rows: readonly unknown[], kinds: ColumnKinds<Row>): Row[] {
  const entries = Object.entries(kinds) as [string, 'date' | 'boolean'][];
  return rows.map((raw) => {
    const row = { ...(raw as Record<string, unknown>) };
    for (const [column, kind] of entries) {
      const value = row[column];
      if (value !== null && value !== undefined)
        row[column] = kind === 'date' ? decodeDate(value) : decodeBoolean(value);
    }
    return row as Row;
  });
}

export function decodeBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === '1' || value === 'true';
}

/**
 * An unreadable date reads as the epoch, i.e. "in the past": an expiry or revocation Warden cannot read must not
 * mean "never" (fail closed).
 */
export function decodeDate(value: unknown): Date {
  const parsed =
    value instanceof Date
      ? value
      : new Date(typeof value === 'number' || typeof value === 'bigint' ? Number(value) : String(value));
  return Number.isNaN(parsed.getTime()) ? new Date(0) : parsed;
}

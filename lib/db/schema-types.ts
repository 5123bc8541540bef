import type { ColumnType } from 'kysely';
import type { Prisma } from '../generated/sqlite/client';

/*
 * The hot path's typed SQL (lib/db/typed-sql.ts) sees the database as the Prisma schema describes it: every table and
 * column, with its TypeScript type, comes from the client Prisma generates from prisma/schema.prisma (the SQLite one's
 * types stand for both databases, lib/db/engine.ts). Nothing here is written by hand, so a column added, renamed or
 * retyped in the schema changes these types with the next `prisma generate`.
 */
type Models = Prisma.TypeMap['model'];

/** A model's columns as Prisma reads them (DateTime → Date, Boolean → boolean, optional → `| null`). */
type Columns<M extends Prisma.ModelName> = Models[M]['payload']['scalars'];

/** One row as Prisma's createMany takes it: a column with a default (or nullable) may be left out. */
type CreateRow<M extends Prisma.ModelName> = Exclude<
  Models[M]['operations']['createMany']['args']['data'],
  readonly unknown[]
>;

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/** Kysely's view of a table: selected and updated as the model's type; optional on insert where Prisma's is. */
type Table<M extends Prisma.ModelName> = {
  [K in keyof Columns<M>]: K extends OptionalKeys<CreateRow<M>>
    ? ColumnType<Columns<M>[K], Columns<M>[K] | undefined, Columns<M>[K]>
    : Columns<M>[K];
};

/** Every table of the schema, named as Prisma names them in the database (the schema maps no names). */
export type DB = { [M in Prisma.ModelName]: Table<M> };

import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
} from 'kysely';
import type { Dialect, Sql } from './engine';
import type { DB } from './schema-types';

/*
 * Typed SQL for the hot path: queries written with Kysely against the schema's own types (lib/db/schema-types.ts),
 * compiled here and run on the engine's SqlRunner like any other statement. Kysely only builds and compiles (a
 * DummyDriver: it never connects); the engines keep their drivers, pipelining and group commit.
 *
 * Compiling costs CPU on every call, and the gate runs on every proposal, so each statement is compiled once (for
 * each dialect) with a marker in place of each parameter, and a call only fills the markers' slots with its values.
 */

export type QueryBuilder = Kysely<DB>;

const builders: Record<Dialect, QueryBuilder> = {
  sqlite: new Kysely<DB>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  }),
  postgresql: new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }),
};

/** A compiled statement whose rows are `Row` (as the database sends them: see lib/db/decode-row.ts). */
export type TypedSql<Row> = Sql & { readonly row?: Row };

/** The row type of a prepared statement. */
export type RowOf<S> = S extends (...args: never[]) => TypedSql<infer Row> ? Row : never;

class Slot {
  constructor(readonly name: string) {}
}
type Compiled = { sql: string; slots: (Slot | { value: unknown })[] };

/**
 * A statement prepared once: `build` receives the builder and the parameters (as markers: build the query with them,
 * never inspect them) and returns the query. It is compiled for both dialects, like Prisma's `sql` template (SQLite's
 * text in `sql`, PostgreSQL's in `text`), so a plan can be written before it is known where it runs; the result
 * binds a call's parameters to the compiled texts.
 */
export function prepareSql<Params extends Record<string, unknown>, Row>(
  build: (db: QueryBuilder, params: Params) => Compilable<Row>,
): (params: Params) => TypedSql<Row> {
  let shape: { sqlite: Compiled; postgresql: Compiled } | null = null;
  const compile = (dialect: Dialect): Compiled => {
    const markers = new Proxy({} as Params, { get: (_, name) => new Slot(String(name)) });
    const { sql, parameters } = build(builders[dialect], markers).compile();
    return { sql, slots: parameters.map((value) => (value instanceof Slot ? value : { value })) };
  };
  const prepare = () => {
    const compiled = { sqlite: compile('sqlite'), postgresql: compile('postgresql') };
    // One list of values serves both texts: both compilers must have placed the parameters in the same order.
    const order = (c: Compiled) => c.slots.map((slot) => (slot instanceof Slot ? slot.name : slot.value));
    if (JSON.stringify(order(compiled.sqlite)) !== JSON.stringify(order(compiled.postgresql)))
      throw new Error(`the dialects order this statement's parameters differently: ${compiled.sqlite.sql}`);
    return compiled;
  };
  return (params) => {
    shape ??= prepare();
    const values = shape.sqlite.slots.map((slot) => (slot instanceof Slot ? params[slot.name] : slot.value));
    return { sql: shape.sqlite.sql, text: shape.postgresql.sql, values };
  };
}

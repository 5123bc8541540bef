// Several instances starting at once on one PostgreSQL (docs/DEPLOYMENT.md): each runs the migrations at start, and
// the advisory lock in lib/db/migrate.ts makes them take turns, so every migration is applied exactly once.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, readMigrations } from './migrate';

const postgresUrl = process.env.WARDEN_TEST_POSTGRES_URL;

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe.skipIf(!postgresUrl)('PostgreSQL: instances starting at once', () => {
  // A database of its own beside WARDEN_TEST_POSTGRES_URL's, created empty and dropped after.
  const name = `${decodeURIComponent(new URL(postgresUrl ?? 'postgresql://x/x').pathname.slice(1))}_mig_${randomBytes(4).toString('hex')}`;
  const url = Object.assign(new URL(postgresUrl ?? 'postgresql://x/x'), { pathname: `/${name}` }).toString();

  beforeAll(() => onServer(`CREATE DATABASE "${name}"`));
  afterAll(() => onServer(`DROP DATABASE IF EXISTS "${name}"`));

  it('four migrators on an empty database: one applies every migration, the others find nothing to do', async () => {
    const target = { provider: 'postgresql', url } as const;
    const runs = await Promise.all([1, 2, 3, 4].map(() => migrateDatabase(target)));
    const all = readMigrations('postgresql').map((m) => m.name);
    expect(runs.filter((applied) => applied.length > 0)).toEqual([all]);
    expect(runs.filter((applied) => applied.length === 0)).toHaveLength(3);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; n: number }>(
        'SELECT name, COUNT(*)::int AS n FROM _warden_migrations GROUP BY name ORDER BY name',
      );
      expect(rows).toEqual(all.map((migration) => ({ name: migration, n: 1 })));
    } finally {
      await client.end();
    }
  }, 60_000);
});

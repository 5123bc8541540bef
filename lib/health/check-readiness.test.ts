import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';
import { migrationReadiness } from './check-readiness';

describe('migrationReadiness', () => {
  const shipped = [
    { name: '001_init', checksum: 'a' },
    { name: '002_more', checksum: 'b' },
  ];
  it.each([
    [
      'all applied',
      [
        ['001_init', 'a'],
        ['002_more', 'b'],
      ],
      { ready: true },
    ],
    [
      'more applied than shipped (an older build)',
      [
        ['001_init', 'a'],
        ['002_more', 'b'],
        ['003_new', 'c'],
      ],
      { ready: true },
    ],
    ['one missing', [['001_init', 'a']], { ready: false, reason: 'migrations not applied: 002_more' }],
    ['none applied', [], { ready: false, reason: 'migrations not applied: 001_init, 002_more' }],
    [
      'one changed after it was applied',
      [
        ['001_init', 'a'],
        ['002_more', 'x'],
      ],
      { ready: false, reason: 'migrations changed after they were applied: 002_more' },
    ],
  ] as const)('%s', (_, applied, expected) => {
    expect(migrationReadiness(shipped, new Map(applied.map(([n, c]) => [n, c])))).toEqual(expected);
  });
});

describe.each(TEST_DATABASES)('checkReadiness on %s', (kind) => {
  const database = useTestDatabase(kind, 'warden-check-readiness');
  let checkReadiness: typeof import('./check-readiness').checkReadiness;
  beforeAll(async () => {
    ({ checkReadiness } = await import('./check-readiness'));
  });

  it('is ready once every shipped migration is applied', async () => {
    expect(await checkReadiness()).toEqual({ ready: true });
  });

  it('is not ready, naming it, when the database lacks a migration the app ships', async () => {
    const [last] = await database.client.$queryRawUnsafe<{ name: string }[]>(
      'SELECT name FROM "_warden_migrations" ORDER BY name DESC LIMIT 1',
    );
    await database.client.$executeRaw`DELETE FROM "_warden_migrations" WHERE name = ${last!.name}`;
    expect(await checkReadiness()).toEqual({ ready: false, reason: `migrations not applied: ${last!.name}` });
  });

  it('is not ready when the database has no migrations table at all', async () => {
    await database.client.$executeRawUnsafe('DROP TABLE "_warden_migrations"');
    const readiness = await checkReadiness();
    expect(readiness.ready).toBe(false);
    expect(!readiness.ready && readiness.reason).toMatch(/^migrations not applied: /);
  });
});

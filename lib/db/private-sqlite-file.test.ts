import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { migrateDatabase } from './migrate';
import { preparePrivateSqliteFile } from './private-sqlite-file';

const mode = (file: string) => statSync(file).mode & 0o777;

describe('the SQLite file holds secrets: 0600 in a 0700 directory', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'warden-file-modes-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a new database, its WAL and shared memory, written through the app, are readable by the owner only', async () => {
    const file = path.join(root, 'data', 'warden.db');
    await migrateDatabase({ provider: 'sqlite', file });
    process.env.DATABASE_URL = `file:${file}`;
    vi.resetModules();
    const { db, disconnectDb } = await import('./client');
    try {
      await db().switch.findMany();
      expect(mode(path.dirname(file))).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) expect(mode(file + suffix)).toBe(0o600);
      expect(existsSync(`${file}-wal`)).toBe(true);
    } finally {
      await disconnectDb();
    }
  });

  it("an older install's world-readable files are tightened", () => {
    const file = path.join(root, 'old.db');
    for (const suffix of ['', '-wal']) {
      writeFileSync(file + suffix, '');
      chmodSync(file + suffix, 0o644);
    }
    preparePrivateSqliteFile(file);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
  });
});

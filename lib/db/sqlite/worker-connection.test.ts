import { describe, expect, it } from 'vitest';
import { useSqliteTestDatabase } from '../sqlite-test-database';
import type { SqliteEngine } from './index';

/**
 * The hot path's worker connection on a real SQLite file, through the app's own client: `commitWrites` and
 * `runOutsideTransaction` go to it, callers of one moment share a commit without sharing a failure, what it commits
 * is what the server's own connection reads next, and once it is gone the hot path runs on the main connection.
 */
describe('SQLite worker connection (commitWrites, runOutsideTransaction)', () => {
  const database = useSqliteTestDatabase('warden-worker-connection-');

  const insertSwitch = (id: string, engaged = false) =>
    database.runner
      .sql`INSERT INTO "Switch" ("id", "engaged", "changedAt") VALUES (${id}, ${engaged}, ${new Date('2026-11-26T00:00:00Z')})`;
  const readSwitch = (id: string) =>
    database.runner.sql`SELECT "id", "engaged", "changedAt" FROM "Switch" WHERE "id" = ${id}`;

  it('commits on the worker; the main connection reads the rows as Prisma wrote them', async () => {
    expect(await database.runner.commitsWritesApart()).toBe(true);
    expect(await database.runner.commitWrites([insertSwitch('w-one', true), insertSwitch('w-two')])).toEqual([1, 1]);
    // Read on the server's connection (Prisma), not the worker's: the commit is visible there once answered.
    const stored = await database.client.switch.findMany({
      where: { id: { startsWith: 'w-' } },
      orderBy: { id: 'asc' },
    });
    expect(stored.map((row) => [row.id, row.engaged, row.changedAt.toISOString()])).toEqual([
      ['w-one', true, '2026-11-26T00:00:00.000Z'],
      ['w-two', false, '2026-11-26T00:00:00.000Z'],
    ]);
  });

  it('reads on the worker see what the server committed a moment before', async () => {
    await database.client.switch.create({ data: { id: 'prisma-first', engaged: true } });
    const rows = await database.runner.runOutsideTransaction((r) =>
      r.query<{ id: string; engaged: number }>(readSwitch('prisma-first')),
    );
    expect(rows).toEqual([expect.objectContaining({ id: 'prisma-first', engaged: 1 })]);
  });

  it('callers of one moment share a commit; a failing caller keeps none of its rows and fails alone', async () => {
    const callers = Array.from({ length: 10 }, (_, i) =>
      // Caller 4 writes a row, then one whose key exists already: neither may stay.
      i === 4 ? [insertSwitch('batch-4'), insertSwitch('w-one')] : [insertSwitch(`batch-${i}`)],
    );
    const results = await Promise.allSettled(callers.map((statements) => database.runner.commitWrites(statements)));
    expect(results.map((r) => r.status)).toEqual(callers.map((_, i) => (i === 4 ? 'rejected' : 'fulfilled')));
    expect(String((results[4] as PromiseRejectedResult).reason)).toMatch(/UNIQUE constraint failed: Switch.id/);
    const stored = await database.client.switch.findMany({ where: { id: { startsWith: 'batch-' } } });
    expect(stored.map((row) => row.id).sort()).toEqual(
      callers
        .map((_, i) => `batch-${i}`)
        .filter((id) => id !== 'batch-4')
        .sort(),
    );
  });

  it('writes sent while earlier syncs run are all answered, and every row is committed', async () => {
    // One message per turn of the event loop: each wave commits while the syncs of the waves before it may still run.
    // That no answer leaves before a sync covering its commit is proven by the system-call trace
    // (e2e/api/sigkill-durability.spec.ts), which sees the fdatasync calls this cannot.
    const waves: Promise<number[]>[] = [];
    for (let i = 0; i < 60; i++) {
      waves.push(database.runner.commitWrites([insertSwitch(`wave-${i}`)]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await Promise.all(waves)).toEqual(waves.map(() => [1]));
    expect(await database.client.switch.count({ where: { id: { startsWith: 'wave-' } } })).toBe(60);
  });

  it('a read that fails rejects with the database message; the worker serves on', async () => {
    await expect(
      database.runner.runOutsideTransaction((r) => r.query(database.runner.sql`SELECT 1 FROM "Nope"`)),
    ).rejects.toThrow(/no such table: Nope/);
    expect(await database.runner.runOutsideTransaction((r) => r.query(readSwitch('w-two')))).toHaveLength(1);
  });

  it('while the main connection holds the write lock, reads on the worker are answered and its writes wait', async () => {
    let releaseLock = () => {};
    const lockHeld = new Promise<void>((resolve) => (releaseLock = resolve));
    let wrote = () => {};
    const mainWrote = new Promise<void>((resolve) => (wrote = resolve));
    // A Prisma transaction on the main connection: BEGIN IMMEDIATE, a write, then it waits, holding the lock.
    const mainTransaction = database.client.$transaction(
      async (tx) => {
        await tx.switch.create({ data: { id: 'lock-holder', engaged: false } });
        wrote();
        await lockHeld;
      },
      { timeout: 10_000 },
    );
    await mainWrote;
    const write = database.runner.commitWrites([insertSwitch('behind-the-lock')]);
    let written = false;
    void write.then(() => (written = true));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the worker has tried to take the lock by now
    expect(written, 'the write waits for the lock').toBe(false);
    const read = database.runner.runOutsideTransaction((r) => r.query<{ id: string }>(readSwitch('w-one')));
    const answered = await Promise.race([
      read.then((rows) => rows.map((row) => row.id)),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 1_000)),
    ]);
    expect(answered, 'a read sent meanwhile does not wait for the lock').toEqual(['w-one']);
    releaseLock();
    await mainTransaction;
    expect(await write).toEqual([1]);
    expect(await database.client.switch.count({ where: { id: { in: ['lock-holder', 'behind-the-lock'] } } })).toBe(2);
  });

  it('a value SQLite cannot store is refused before anything is sent; the statements sent later still run', async () => {
    // A statement text not used before (columns in another order), so that its first use is the failing call.
    const insertReordered = (id: string, at: Date) =>
      database.runner.sql`INSERT INTO "Switch" ("changedAt", "id", "engaged") VALUES (${at}, ${id}, ${false})`;
    const invalid = database.runner
      .sql`INSERT INTO "Switch" ("id", "engaged", "changedAt") VALUES (${'bad-date'}, ${false}, ${new Date(Number.NaN)})`;
    await expect(
      database.runner.commitWrites([insertReordered('before-bad-date', new Date()), invalid]),
    ).rejects.toThrow(RangeError);
    // The first statement's text was not sent then: its next use must still carry it.
    expect(await database.runner.commitWrites([insertReordered('after-bad-date', new Date())])).toEqual([1]);
    expect(await database.client.switch.count({ where: { id: { in: ['before-bad-date', 'bad-date'] } } })).toBe(0);
  });

  it('stopping answers what was already sent, then the hot path runs on the main connection', async () => {
    const { worker } = database.clientModule.engine() as SqliteEngine;
    const inFlight = worker.commit([insertSwitch('in-flight')]);
    const stopped = worker.stop();
    expect(worker.available).toBe(false);
    expect(await inFlight, 'a write already on its way commits and is answered as committed').toEqual([1]);
    await stopped;
    await worker.stop(); // stopping twice is harmless
    expect(await database.client.switch.count({ where: { id: 'in-flight' } })).toBe(1);
    expect(await database.runner.commitsWritesApart()).toBe(false);
    await expect(worker.commit([insertSwitch('refused')])).rejects.toThrow(/stopped/);
    expect(await database.runner.commitWrites([insertSwitch('after-stop')])).toEqual([1]);
    const rows = await database.runner.runOutsideTransaction((r) => r.query<{ id: string }>(readSwitch('after-stop')));
    expect(rows.map((row) => row.id)).toEqual(['after-stop']);
  });
});

import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { isCheckpointDue } from './checkpoint-timing.cjs';
import { startCheckpointer, type CheckpointTiming } from './checkpointer';

describe('isCheckpointDue', () => {
  const quietMs = 100;
  const maxDeferMs = 1_000;
  it.each([
    { case: 'nothing committed since the last checkpoint', now: 5_000, firstUnchecked: null, lastSeen: 0, due: false },
    { case: 'writes still arriving', now: 1_050, firstUnchecked: 1_000, lastSeen: 1_000, due: false },
    { case: 'the lull after a burst', now: 1_300, firstUnchecked: 1_000, lastSeen: 1_200, due: true },
    { case: 'just short of the lull', now: 1_299, firstUnchecked: 1_000, lastSeen: 1_200, due: false },
    {
      case: 'writes that never pause, at the deferral bound',
      now: 2_000,
      firstUnchecked: 1_000,
      lastSeen: 1_990,
      due: true,
    },
    { case: 'writes that never pause, before it', now: 1_999, firstUnchecked: 1_000, lastSeen: 1_990, due: false },
  ])('$case → $due', ({ now, firstUnchecked, lastSeen, due }) => {
    expect(isCheckpointDue({ now, firstUnchecked, lastSeen, quietMs, maxDeferMs })).toBe(due);
  });
});

/**
 * The checkpointer thread on a real SQLite file. Only a checkpoint moves pages from the WAL into the database file,
 * so the file's size tells when one ran. Margins are wide: a test fails only if timings are off by seconds.
 */
describe('the checkpointer thread', () => {
  let dir: string;
  let db: Database.Database;
  let checkpointer: Worker | null = null;
  let failures: unknown[] = [];

  const open = (timing: CheckpointTiming) => {
    dir = mkdtempSync(path.join(tmpdir(), 'warden-checkpoints-'));
    const file = path.join(dir, 'db.sqlite');
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0'); // as the app's connections: only the thread checkpoints
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)');
    db.pragma('wal_checkpoint(TRUNCATE)');
    checkpointer = startCheckpointer(file, (error) => failures.push(error), timing);
    const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
    return { size: () => statSync(file).size, write: () => insert.run(Buffer.alloc(3000)) };
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const grows = async (size: () => number, from: number, withinMs: number, meanwhile = () => {}) => {
    const deadline = Date.now() + withinMs;
    while (Date.now() < deadline) {
      meanwhile();
      if (size() > from) return true;
      await sleep(20);
    }
    return false;
  };

  afterEach(async () => {
    expect(failures, 'the thread kept running').toEqual([]);
    await checkpointer?.terminate(); // its exit is reported as a failure from here on: not this test's
    failures = [];
    checkpointer = null;
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('waits while writes keep coming, and checkpoints in the lull after them', async () => {
    const { size, write } = open({ pollMs: 10, quietMs: 1_500, maxDeferMs: 60_000 });
    const before = size();
    const until = Date.now() + 800;
    while (Date.now() < until) {
      write();
      await sleep(20);
    }
    expect(size(), 'no checkpoint while commits arrive every 20 ms').toBe(before);
    expect(await grows(size, before, 10_000), 'a checkpoint once the writes stopped').toBe(true);
  });

  it('checkpoints under writes that never pause, once the deferral bound is reached', async () => {
    const { size, write } = open({ pollMs: 10, quietMs: 60_000, maxDeferMs: 300 });
    expect(await grows(size, size(), 10_000, write), 'a checkpoint while commits keep arriving').toBe(true);
  });
});

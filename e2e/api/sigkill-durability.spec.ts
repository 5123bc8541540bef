import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { countUnsealed, crashViolations, readCrashFacts } from '../fixtures/crash/crash-checks';
import { sendProposal, startCrashLoad, type CrashRequest } from '../fixtures/crash/crash-load';
import { CrashServer, prepareCrashDatabase, type CrashDatabase } from '../fixtures/crash/crash-server';
import { startResultReports } from '../fixtures/crash/result-load';
import { checkSyncBeforeAnswer, proposalAnswer, resultAnswer, TRACED_CALLS } from '../fixtures/crash/wal-sync-trace';
import { expect, test } from '../fixtures/test';
import { recordTestSecret } from '../fixtures/test-logs.cjs';

// Durability under crashes (issue 14): the production server is killed with SIGKILL at a random point while agents
// propose, started again on the same database, KILLS times per database (both projects: ≥ 200 across SQLite and
// PostgreSQL); then every proposal answered 201 must be in the database with its audit events, nothing half-written,
// no gap in the audit sequence that a committed action's event falls in, and the sealed chain must verify.
// A process crash keeps the OS's page cache: this proves atomicity and that no answer precedes its commit, not the
// fsync: for SQLite, where Warden syncs the WAL itself (lib/db/sqlite/group-commit.ts, worker-thread.cjs), the second
// test reads the order of commits, syncs and answers from a system-call trace of the server under load.

const KILLS = Number(process.env.WARDEN_SIGKILL_KILLS ?? 100);
/** The kill lands this long after the life's first 201 (uniform): early while the first batches commit, or later. */
const KILL_WINDOW_MS = 250;
const CLIENTS = 6;
const root = path.resolve(__dirname, '../..');

// One server port per database (e2e/fixtures/own-server.ts): 14 for SQLite, 15 for PostgreSQL; the two tests share it.
test.describe.configure({ mode: 'serial' });
const portFor = (database: CrashDatabase) =>
  Number(process.env.WARDEN_TEST_PORT_BASE ?? 3100) + (database.kind === 'sqlite' ? 14 : 15);

function seedCrashAgents(server: CrashServer): string[] {
  const seeded = execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['e2e/fixtures/crash/seed-crash-agents.ts'], {
    cwd: root,
    env: server.env(),
    encoding: 'utf8',
  });
  const { keys } = JSON.parse(seeded.trim().split('\n').pop()!) as { keys: string[] };
  return keys.map((key) => recordTestSecret('agent key', key));
}

test('proposals answered 201 survive SIGKILL at random points, whole, with their audit events', async ({
  databaseUrl,
}) => {
  test.setTimeout(12 * 60_000);
  const began = Date.now();
  const database = await prepareCrashDatabase(databaseUrl, 'e2e-sigkill');
  const server = new CrashServer(database, portFor(database));
  const requests: CrashRequest[] = [];
  const restarts: number[] = [];
  const firstAnswers: number[] = [];
  let keys: string[] = [];
  try {
    for (let life = 1; life <= KILLS; life++) {
      restarts.push(await server.start(life === 1 ? 'migrate' : 'restart'));
      if (life === 1) keys = seedCrashAgents(server);
      const load = startCrashLoad(server.baseURL, keys, life, CLIENTS);
      const loadStarted = Date.now();
      await load.created;
      firstAnswers.push(Date.now() - loadStarted);
      // The random point of the crash (not a wait for the app: the load runs meanwhile).
      await new Promise((resolve) => setTimeout(resolve, Math.random() * KILL_WINDOW_MS));
      await server.kill();
      requests.push(...(await load.stop()));
    }

    // Once more up: every 201 given with an Idempotency-Key replays the same action, however many crashes later.
    restarts.push(await server.start('restart'));
    const keyed = requests.filter((request) => request.status === 201 && request.idempotencyKey);
    const replays: string[] = [];
    for (const request of keyed) {
      const replay = await sendProposal(server.baseURL, keys[request.agent], request);
      const id = replay.status === 201 ? ((await replay.json()) as { id: string }).id : null;
      if (id !== request.id) replays.push(`${request.tag}: answered ${request.id}, replayed ${replay.status} ${id}`);
    }
    // The sealer's lease of a killed server lapses (30 s) before this one seals the rest.
    await expect.poll(() => countUnsealed(database), { timeout: 60_000, intervals: [500] }).toBe(0);
    await server.kill();

    const facts = await readCrashFacts(database);
    const created = requests.filter((request) => request.status === 201);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.log(
      `[sigkill ${database.kind}] ${KILLS} kills; ${requests.length} requests, ${created.length} answered 201 ` +
        `(${keyed.length} with a key, replayed), ${requests.filter((r) => r.status === null).length} unanswered; ` +
        `${facts.actions.length} actions, ${facts.events.length} audit events; start to health p50 ` +
        `${median(restarts)} ms (max ${Math.max(...restarts)}), then to the first 201 p50 ${median(firstAnswers)} ms ` +
        `(max ${Math.max(...firstAnswers)}); ${((Date.now() - began) / 1000).toFixed(0)} s in all`,
    );
    expect(requests.filter((r) => r.status !== null && r.status !== 201).map((r) => `${r.tag}: ${r.status}`)).toEqual(
      [],
    );
    expect({ violations: crashViolations(database.kind, facts, requests), replays: replays.slice(0, 20) }).toEqual({
      violations: [],
      replays: [],
    });
    const verified = execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/warden.ts', 'audit', 'verify'], {
      cwd: root,
      env: server.env(),
      encoding: 'utf8',
    });
    expect(verified).toContain(`audit ok: ${facts.events.length} events`);
  } finally {
    await server.kill();
  }
});

test('on SQLite, no answer leaves before a WAL sync that began after its commit (system-call trace)', async ({
  databaseUrl,
}) => {
  test.skip(!databaseUrl.startsWith('file:'), 'Warden syncs the WAL itself on SQLite only');
  test.setTimeout(3 * 60_000);
  const database = await prepareCrashDatabase(databaseUrl, 'e2e-wal-trace');
  const server = new CrashServer(database, portFor(database));
  const traceFile = path.join(database.dataDir, 'server.trace');
  try {
    await server.start('migrate');
    const keys = seedCrashAgents(server);
    await server.kill();
    // The server alone, every thread (-f), every byte written as \xHH (-xx), whole pages (-s); only the listed calls stop.
    await server.start('restart', [
      '/usr/bin/strace',
      ...['-f', '--seccomp-bpf', '-qq', '-xx', '-s', '8192', '-e', 'signal=none', '-e', `trace=${TRACED_CALLS}`],
      ...['-o', traceFile],
    ]);
    const load = startCrashLoad(server.baseURL, keys, 1, CLIENTS);
    // Claims and results commit through Prisma's transactions, proposals through the gate's group commit and worker.
    const results = startResultReports(server.baseURL, keys, load.requests, 2);
    await load.created;
    // How long the load runs under the trace (not a wait for the app).
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await server.killTraced();
    const [requests, reports] = await Promise.all([load.stop(), results.stop()]);
    const ids = requests.filter((request) => request.status === 201).map((request) => request.id!);
    const reported = reports.filter((report) => report.status === 200);
    const walPath = `${database.url.slice('file:'.length)}-wal`;
    const findings = checkSyncBeforeAnswer(readFileSync(traceFile, 'latin1'), walPath, [
      ...ids.map(proposalAnswer),
      ...reported.map((report) => resultAnswer(report.actionId, report.downstreamRef)),
    ]);
    console.log(
      `[wal trace] ${ids.length} answers 201 (${new Set(requests.filter((r) => r.status === 201).map((r) => r.tool)).size} tools) and ${reported.length} results answered 200 under strace, ${findings.length} without a covering sync`,
    );
    expect(ids.length).toBeGreaterThan(30);
    expect(reported.length).toBeGreaterThan(5);
    expect(findings.slice(0, 20)).toEqual([]);
    rmSync(traceFile); // tens of MB; kept when the check fails
  } finally {
    await server.kill();
  }
});

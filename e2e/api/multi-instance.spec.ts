import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chromium } from '@playwright/test';
import pg from 'pg';
import { countUnsealed, crashViolations, readCrashFacts } from '../fixtures/crash/crash-checks';
import { sendProposal, startCrashLoad, type CrashRequest } from '../fixtures/crash/crash-load';
import { prepareCrashDatabase, type CrashDatabase } from '../fixtures/crash/crash-server';
import { CRASH_TOOLS } from '../fixtures/crash/crash-tools';
import { consoleOn, InstanceServer, seedMultiInstance, type MultiSeed } from '../fixtures/multi-instance/instances';
import { signIn } from '../fixtures/sign-in';
import { startWebhookReceiver, type WebhookReceiver } from '../fixtures/webhook-receiver';
import { expect, test } from '../fixtures/test';

// Several instances on one PostgreSQL (issue 16): two production servers, A (port offset 20) and B (21), on one
// database, both running their background loops. Other instances' changes are heard by LISTEN/NOTIFY; the fallback
// poll (used only while the notification connection is down) is set to a minute, so anything B learns of A within a
// second it learned from a notice. A's SIGKILL comes last.
const PASSWORD = 'a-long-enough-password';
const ADMIN = 'ada@multi.local';
const SETTINGS = { WARDEN_FALLBACK_POLL_MS: '60000', WARDEN_WORKER_INTERVAL_MS: '100' };
const root = path.resolve(__dirname, '../..');

test.describe.configure({ mode: 'serial' });
const onPostgres = (databaseUrl: string) => /^postgres(ql)?:/.test(databaseUrl);
test.skip(
  ({ databaseUrl }) => !onPostgres(databaseUrl),
  'several instances share a PostgreSQL database; SQLite serves one server process',
);

let database: CrashDatabase;
let a: InstanceServer;
let b: InstanceServer;
let seed: MultiSeed;
let receiver: WebhookReceiver;
let tags = 0;
/** Proposals this spec queued for review: each makes one review request to the channel. */
let reviewRequests = 0;

test.beforeAll(async ({ databaseUrl }) => {
  if (!onPostgres(databaseUrl)) return; // every test is skipped (above)
  test.setTimeout(3 * 60_000);
  database = await prepareCrashDatabase(databaseUrl, 'e2e-multi-instance');
  receiver = await startWebhookReceiver();
  a = new InstanceServer(database, 20, SETTINGS);
  b = new InstanceServer(database, 21, SETTINGS);
  await a.start('migrate');
  seed = seedMultiInstance(a, { ADMIN_PASSWORD: PASSWORD, RECEIVER_URL: receiver.url });
  receiver.useSecret(seed.secret);
  await b.start('migrate');
});

test.afterAll(async () => {
  await a?.kill();
  await b?.kill();
  await receiver?.close();
});

async function propose(on: InstanceServer, tool: string) {
  const tag = `multi-${(tags += 1)}`;
  const response = await sendProposal(on.baseURL, seed.keys[0]!, {
    tag,
    tool,
    agent: 0,
    idempotencyKey: null,
    status: null,
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { id: string; status: string };
  if (body.status === 'pending_review') reviewRequests += 1;
  return body;
}

const agentHeaders = () => ({ authorization: `Bearer ${seed.keys[0]}` });

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

test('an approval on A answers an agent long-polling on B at once (a notice, not a poll)', async () => {
  const action = await propose(b, CRASH_TOOLS.queued);
  expect(action.status).toBe('pending_review');
  // Parked, B does not re-read on a timer: a wait with nothing decided lasts its whole length and says pending.
  const idle = await fetch(`${b.baseURL}/api/v1/actions/${action.id}?wait=2`, { headers: agentHeaders() });
  expect(((await idle.json()) as { status: string }).status).toBe('pending_review');

  const parked = fetch(`${b.baseURL}/api/v1/actions/${action.id}?wait=30`, { headers: agentHeaders() }).then(
    async (response) => ({ at: Date.now(), body: (await response.json()) as { status: string } }),
  );
  const reviewer = await consoleOn(a.baseURL, ADMIN, PASSWORD);
  const decided = await reviewer.callForm(
    'reviewActionMutation',
    { actionId: action.id, decision: 'approve' },
    `/actions/${action.id}`,
  );
  const approvedAt = Date.now();
  expect(decided).toContain('"ok":true');
  const answer = await parked;
  expect(answer.body.status).toBe('approved');
  // Without the notice B would answer only at the next poll (a minute) or the wait's end (30 s).
  expect(answer.at - approvedAt).toBeLessThan(1000);
  await reviewer.dispose();
});

test('a console open on B follows A: a proposal reaches its live queue; a stop refuses a claim on B at once and shows within a second', async () => {
  const action = await propose(b, CRASH_TOOLS.open);
  expect(action.status).toBe('approved');
  const onB = await consoleOn(b.baseURL, ADMIN, PASSWORD);
  // The banner's wait on B, open before the stop (components/shell/global-stop-banner.tsx).
  const banner = onB.context
    .get('/stop-state?wait=25&engaged=0', { timeout: 30_000 })
    .then(async (response) => ({ at: Date.now(), body: (await response.json()) as { engaged: boolean } }));
  // And a console page open on B, in Chromium: its banner shows the stop without a reload.
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ baseURL: b.baseURL });
  await signIn(page, ADMIN, PASSWORD);
  await page.goto('/queue');
  await expect(page.getByRole('heading', { name: 'Review queue' })).toBeVisible();
  await expect(page.getByTestId('global-stop-banner')).toHaveCount(0);
  // The live queue on B learns of a proposal made on A from its notice (the fallback poll is a minute away).
  await expect(page.getByText('0 pending', { exact: false })).toBeVisible();
  await propose(a, CRASH_TOOLS.queued);
  await expect(page.getByText('1 pending', { exact: false })).toBeVisible({ timeout: 3000 });
  const admin = await consoleOn(a.baseURL, ADMIN, PASSWORD);
  const reply = await admin.call('engageSwitchMutation', {
    scope: 'global',
    effect: 'block',
    reason: 'Two-instance stop',
  });
  const engagedAt = Date.now();
  expect(reply).toContain('"ok":true');
  await expect(page.getByTestId('global-stop-banner')).toContainText('Global stop engaged', { timeout: 1000 });
  await page.screenshot({ path: test.info().outputPath('stop-on-a-banner-on-b.png') });

  const claim = await fetch(`${b.baseURL}/api/v1/actions/${action.id}/claim`, {
    method: 'POST',
    headers: { ...agentHeaders(), 'content-type': 'application/json' },
    body: '{}',
  });
  expect(claim.status).toBe(409);
  expect(await claim.json()).toMatchObject({
    error: { status: 'blocked', reasons: expect.arrayContaining([expect.stringContaining('global stop is engaged')]) },
  });
  const shown = await banner;
  expect(shown.body.engaged).toBe(true);
  expect(shown.at - engagedAt).toBeLessThan(1000);

  execFileSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/warden.ts', 'release', '--reason', 'spec done'], {
    cwd: root,
    env: a.env(),
    encoding: 'utf8',
  });
  await admin.dispose();
  await onB.dispose();
  await browser.close();
});

test('with both instances delivering, each notification reaches the receiver exactly once', async () => {
  const before = receiver.requests.length;
  for (let n = 0; n < 12; n++) await propose(n % 2 ? a : b, CRASH_TOOLS.queued);
  // The review requests of this spec's pending proposals (the earlier tests' and these), each made into one delivery
  // row by the fan-out (whichever instance ran it) and sent (the receiver answers 200: none may fail or wait).
  await expect
    .poll(
      async () =>
        (
          await sql<{ rows: string; open: string }>(
            `SELECT COUNT(*) AS "rows", COUNT(*) FILTER (WHERE "status" <> 'delivered') AS "open" FROM "NotificationDelivery"`,
          )
        )[0],
      { timeout: 30_000 },
    )
    .toEqual({ rows: String(reviewRequests), open: '0' });
  const delivered = await sql<{ id: string }>(`SELECT "id" FROM "NotificationDelivery" ORDER BY "id"`);
  const received = receiver.requests.map((request) => String(request.headers['warden-delivery']));
  expect(received.length).toBeGreaterThan(before);
  expect([...received].sort()).toEqual(delivered.map((row) => row.id).sort());
  expect(receiver.requests.every((request) => request.signature?.ok)).toBe(true);
});

test('killing A with SIGKILL mid-load loses nothing answered 201; B goes on', async () => {
  test.setTimeout(3 * 60_000);
  const onA = startCrashLoad(a.baseURL, seed.keys, 101, 4);
  const onB = startCrashLoad(b.baseURL, seed.keys, 102, 2);
  await onA.created;
  await onB.created;
  // Mid-load: once A has committed a few dozen proposals (and goes on proposing).
  await expect
    .poll(
      async () =>
        Number((await sql<{ n: string }>(`SELECT COUNT(*) AS n FROM "Action" WHERE "params" LIKE '%L101-%'`))[0]!.n),
      { timeout: 30_000, intervals: [50] },
    )
    .toBeGreaterThanOrEqual(30);
  await a.kill();
  const requests: CrashRequest[] = [...(await onA.stop()), ...(await onB.stop())];
  const afterKill = await sendProposal(b.baseURL, seed.keys[1]!, {
    tag: 'after-the-kill',
    tool: CRASH_TOOLS.open,
    agent: 1,
    idempotencyKey: null,
    status: null,
  });
  expect(afterKill.status).toBe(201);
  // B's sealer takes over once A's lease lapses.
  await expect.poll(() => countUnsealed(database), { timeout: 60_000, intervals: [500] }).toBe(0);
  const facts = await readCrashFacts(database);
  const created = requests.filter((request) => request.status === 201);
  console.log(
    `[multi-instance] ${requests.length} requests, ${created.length} answered 201 ` +
      `(${created.filter((r) => r.tag.startsWith('L101')).length} by A before its SIGKILL)`,
  );
  expect(requests.filter((r) => r.status !== null && r.status !== 201).map((r) => `${r.tag}: ${r.status}`)).toEqual([]);
  expect(crashViolations(database.kind, facts, requests)).toEqual([]);
});

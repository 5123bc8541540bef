import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from '@playwright/test';
import { test, expect } from '../fixtures/test';
import { startOwnServer, type OwnServer } from '../fixtures/own-server';
import { signIn } from '../fixtures/sign-in';
import { recordTestSecret } from '../fixtures/test-logs.cjs';

// Verification covers the whole chain, so this spec has a server and database of its own: other specs may edit
// audit rows on purpose (analytics-opened-clock backdates an open), which the chain rightly reports as tampering.
const PASSWORD = recordTestSecret('password', 'a-long-enough-password');
let server: OwnServer;
let database: Database.Database;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  server = await startOwnServer('audit-chain', 8);
  database = new Database(path.resolve(__dirname, '../..', server.databaseUrl.slice('file:'.length)));
  database.pragma('busy_timeout = 5000');
  server.cli(
    'user',
    'create',
    '--email',
    'ada@warden.test',
    '--name',
    'Ada Admin',
    '--role',
    'admin',
    '--password',
    PASSWORD,
  );
  server.cli(
    'user',
    'create',
    '--email',
    'vic@warden.test',
    '--name',
    'Vic Viewer',
    '--role',
    'viewer',
    '--password',
    PASSWORD,
  );
});

test.afterAll(() => {
  database?.close();
  server?.stop();
});

/** The agent's "created" event, and whether the server's sealer has chained it yet. */
function agentCreatedEvent(name: string) {
  return database
    .prepare(`SELECT "seq", "chainIndex" FROM "AuditEvent" WHERE "type" = 'agent.created' AND "payload" LIKE ?`)
    .get(`%"name":"${name}"%`) as { seq: number; chainIndex: number | null } | undefined;
}

async function pageOnOwnServer(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: server.baseURL });
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);
  return page;
}

test('the Audit page shows the chain verified up to an event; an admin verifies now, a viewer only reads', async ({
  browser,
}) => {
  server.cli('agent', 'create', '--name', 'chain-probe', '--owner', 'ada@warden.test');
  // The running server seals what the CLI committed: no request to it is needed.
  await expect.poll(() => agentCreatedEvent('chain-probe')?.chainIndex ?? null).not.toBeNull();
  const { seq } = agentCreatedEvent('chain-probe')!;
  const page = await pageOnOwnServer(browser, 'ada@warden.test');

  await test.step('an admin: "Verify now" records a verification that covers the new event', async () => {
    await page.goto('/audit');
    const status = page.getByRole('region', { name: /^Chain / });
    await expect(status).toBeVisible();
    await page.getByRole('button', { name: 'Verify now' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Verified \d+ events\.$/ })).toBeVisible();
    const heading = status.getByRole('heading', { name: /^Chain verified up to event #\d+$/ });
    await expect(heading).toBeVisible();
    expect(Number((await heading.textContent())!.match(/#(\d+)/)![1])).toBeGreaterThanOrEqual(seq);
    await page.screenshot({ path: test.info().outputPath('audit-chain-desktop.png'), fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(heading).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('audit-chain-phone.png'), fullPage: false });
  });

  await test.step('a recorded failure names the first bad event; verifying again (the chain is intact) clears it', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    // As a failing check records it (lib/audit/chain/record-audit-verification.ts); the tamper trials prove the verifier.
    database
      .prepare(
        `UPDATE "AuditVerification" SET "ok" = 0, "firstBadSeq" = ?, "verifiedThroughSeq" = ?, "problem" = ? WHERE "id" = 'last'`,
      )
      .run(seq, seq - 1, 'its fields do not match its hash');
    await page.goto('/audit');
    await expect(page.getByRole('heading', { name: `Chain broken at event #${seq}` })).toBeVisible();
    await expect(page.getByText('its fields do not match its hash.')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('audit-chain-broken.png'), fullPage: false });
    await page.getByRole('button', { name: 'Verify now' }).click();
    await expect(page.getByRole('heading', { name: /^Chain verified up to event #\d+$/ })).toBeVisible();
    await page.context().close();
  });

  await test.step('a viewer sees the state but no button', async () => {
    const viewerPage = await pageOnOwnServer(browser, 'vic@warden.test');
    await viewerPage.goto('/audit');
    await expect(viewerPage.getByRole('region', { name: /^Chain verified up to event #\d+$/ })).toBeVisible();
    await expect(viewerPage.getByRole('button', { name: 'Verify now' })).toHaveCount(0);
    await viewerPage.context().close();
  });
});

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createWardenClient } from '../../sdk/src/index';
import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, uniqueName } from '../fixtures/factories';
import { seedReviewedRefundPair } from '../fixtures/incident-workbench-factories';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

// The admin's whole job in one story (issue 13, "Done means"): an agent's refund ran; an admin opens an incident for
// it since a past time with containment, reads the timeline, marks the refund, has it rolled back by the agent through
// the SDK, downloads the evidence and verifies it offline with the CLI, returns to normal with a second admin, and
// closes the incident. Each part has its own detailed spec; this one checks they make one job.
test.use({ timezoneId: 'Europe/Berlin' });

const run = promisify(execFile);

test('an admin contains an agent, learns what it did, undoes it, proves it, and returns to normal with a second admin', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  const { agent, issue, cancel, key } = await seedReviewedRefundPair();
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const ada = await createTestUser(['admin'], 'Ada Admin');
  const bob = await createTestUser(['admin'], 'Bob Admin');
  const client = agentClient(baseURL!, key);

  // What the agent did before anyone noticed: a refund a reviewer approved, which the agent then ran.
  const refund = (
    await client.propose({
      tool: issue.name,
      params: { orderId: 'ORD-2001', amount: 40 },
      reason: 'customer asked twice',
    })
  ).body.id as string;
  await approveAction(reviewer.actor, { actionId: refund });
  expect((await client.claim(refund)).status).toBe(200);
  expect(
    (await client.reportResult(refund, { ok: true, output: { refundId: 'RF-2001' }, downstreamRef: 'RF-2001' })).status,
  ).toBe(200);

  const title = uniqueName('Refunds paid twice');
  let base = '';
  await signIn(page, ada.email, ada.password);

  await test.step('open the incident since 14:00 yesterday, containing the agent with review-all', async () => {
    await page.goto('/incidents');
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Severity').selectOption('high');
    await page.getByRole('checkbox', { name: agent.name }).check();
    await page.getByLabel('Day').selectOption({ label: 'Yesterday' });
    await page.getByLabel('Time').fill('14:00');
    await page.getByRole('checkbox', { name: 'Send every proposal to review' }).check();
    await page.getByLabel(/^Manual fallback/).fill('Refunds by hand in the payment dashboard.');
    await page.getByRole('button', { name: 'Open incident' }).click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    base = new URL(page.url()).pathname;
    // The containment holds at once: the agent's next refund waits for a person whatever its grant says.
    const next = await client.propose({ tool: cancel.name, params: { refundId: 'RF-1', orderId: 'ORD-1' } });
    expect(next.body.status).toBe('pending_review');
  });

  await test.step('read the timeline: the refund from proposal to result, with who approved it', async () => {
    await page.goto(`${base}/timeline`);
    const trace = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: issue.name }) })
      .filter({ hasText: 'Reported success' });
    for (const text of [
      'Proposed by agent',
      'Approved by reviewer',
      'by Rita Reviewer',
      'Claimed for execution',
      'RF-2001',
    ])
      await expect(trace).toContainText(text);
  });

  await test.step('mark the refund for follow-up and request its rollback', async () => {
    await page.goto(base);
    const actions = page.getByRole('region', { name: 'Actions' });
    await actions.getByRole('checkbox', { name: `Select ${issue.name} ${refund.slice(-8)}` }).check();
    await actions.getByLabel('Mark').selectOption({ label: 'Needs follow-up' });
    await actions.getByLabel('Note').fill('paid twice: cancel it');
    await actions.getByRole('button', { name: 'Mark selected' }).click();
    await expect(actions.getByRole('status')).toContainText('Marked 1 action "Needs follow-up".');
    await actions.getByRole('checkbox', { name: `Select ${issue.name} ${refund.slice(-8)}` }).check();
    await actions.getByRole('button', { name: 'Request rollback (1)' }).click();
    await expect(actions.getByRole('status')).toContainText('Rollback requested for 1 of 1.');
  });

  await test.step('a reviewer approves the compensation; the agent runs it through the SDK', async () => {
    const compensation = await db().action.findFirstOrThrow({ where: { rollbackOfId: refund } });
    await approveAction(reviewer.actor, { actionId: compensation.id });
    const cancelled: unknown[] = [];
    const ran = await createWardenClient({ baseUrl: baseURL!, apiKey: key }).runPendingRollbacks({
      [cancel.name]: async (params) => {
        cancelled.push(params);
        return { cancelled: true };
      },
    });
    expect(ran).toEqual({ succeeded: [compensation.id], failed: [], skipped: [] });
    expect(cancelled).toEqual([{ refundId: 'RF-2001', orderId: 'ORD-2001' }]);
    await page.goto(base);
    const row = page
      .getByRole('region', { name: 'Actions' })
      .getByRole('row')
      .filter({ hasText: refund.slice(-12) })
      .filter({ hasText: 'Needs follow-up' });
    await expect(row).toContainText('Rolled back');
  });

  await test.step('download the evidence and verify it offline with the CLI', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'warden-job-evidence-'));
    try {
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Download evidence' }).click();
      const file = path.join(dir, 'incident.tar');
      await (await download).saveAs(file);
      // The instance's key, as its signed audit head names it: the bundle must be signed by this instance.
      const head = await db().auditChainHead.findFirstOrThrow({ orderBy: { sealedAt: 'desc' } });
      const offline = { ...process.env, DATABASE_URL: `file:${path.join(dir, 'none.db')}`, WARDEN_DATA_DIR: dir };
      const verified = await run(
        path.resolve('node_modules/.bin/tsx'),
        ['scripts/warden.ts', 'evidence', 'verify', file, '--public-key', head.publicKey],
        { env: offline },
      );
      expect(verified.stdout).toMatch(/^evidence ok: /m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  await test.step('return to normal: Ada asks, Bob approves, the containment is released', async () => {
    await page.goto(`${base}/recovery`);
    await page.getByLabel('Reason for the return to normal').fill('Duplicate refund cancelled; grant tightened');
    await page.getByRole('button', { name: 'Request the return to normal' }).click();
    await expect(page.getByRole('region', { name: /^Waiting for a second admin/ })).toContainText(
      'Duplicate refund cancelled',
    );

    const pageB = await (await browser.newContext({ baseURL })).newPage();
    await signIn(pageB, bob.email, bob.password);
    await pageB.goto(`${base}/recovery`);
    await pageB
      .getByRole('region', { name: /^Waiting for a second admin/ })
      .getByRole('button', { name: 'Approve the return to normal' })
      .click();
    await expect(pageB.getByRole('region', { name: 'Earlier requests' })).toContainText('approved by Bob Admin');
    await pageB.context().close();
    const next = await client.propose({ tool: cancel.name, params: { refundId: 'RF-2', orderId: 'ORD-2' } });
    expect(next.body.status, 'the grant decides again once the review-all switch is released').toBe('approved');
  });

  await test.step('close it with a resolution summary', async () => {
    await page.goto(`${base}/notes`);
    await page.getByRole('button', { name: 'Close incident…' }).click();
    await page
      .getByLabel('Resolution summary')
      .fill('The agent retried a refund after a timeout; the duplicate was cancelled.');
    await page.getByRole('button', { name: 'Close incident', exact: true }).click();
    // The open form hides "Close incident…" already, so its absence alone proves nothing: wait for the form to go (the
    // close answered, committed) and for the refreshed page to offer no close any more.
    await expect(page.getByLabel('Resolution summary')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Close incident…' })).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('incident-closed.png'), fullPage: true });
  });

  const trail = (
    await db().auditEvent.findMany({ where: { type: { startsWith: 'incident.' } }, orderBy: { seq: 'asc' } })
  )
    .filter((event) => JSON.parse(event.payload).incidentId === base.split('/').at(-1))
    .map((event) => event.type);
  expect(trail).toEqual(['incident.opened', 'incident.marked', 'incident.closed']);
});

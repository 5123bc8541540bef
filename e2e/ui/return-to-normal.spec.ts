import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from '@playwright/test';
import { test, expect } from '../fixtures/test';
import { createTestUser, seedAgentWithTool } from '../fixtures/factories';
import { startOwnServer, type OwnServer } from '../fixtures/own-server';
import { openTestIncident } from '../fixtures/return-to-normal';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';
import { recordTestSecret } from '../fixtures/test-logs.cjs';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

// The two-person return to normal (issue 13 §3). An incident's containment is on its own agent, so the first test
// shares the UI server; the global stop would halt the other specs' agents, and "the only admin" needs a workspace
// of one admin, so those run on a server of their own (offset 11) whose requests expire after 6 seconds.

async function screenshots(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath(`${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function pageAs(browser: Browser, baseURL: string, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signIn(page, email, password);
  return page;
}

test("admin A asks, cannot approve; admin B approves: the incident's switches are released and its paused agent resumes", async ({
  page,
  browser,
  baseURL,
}) => {
  const ada = await createTestUser(['admin'], 'Ada Admin');
  const bob = await createTestUser(['admin'], 'Bob Admin');
  const { agent } = await seedAgentWithTool();
  const incident = await openTestIncident([agent], ['pause', 'review-all'], ada.actor);
  const path = `/incidents/${incident.id}/recovery`;

  await test.step('A sees what the return to normal will do and asks for it with a reason', async () => {
    await signIn(page, ada.email, ada.password);
    await page.goto(path);
    await expect(page.getByRole('region', { name: 'Switches to release' })).toContainText(
      `review-all on agent ${agent.name}`,
    );
    await expect(page.getByRole('region', { name: 'Agents to resume' })).toContainText(agent.name);
    await expect(page.getByRole('region', { name: 'Keys that stay revoked' })).toContainText(
      'None revoked by this incident.',
    );
    await page.getByLabel('Reason for the return to normal').fill('Refunds checked: all legitimate');
    await page.getByRole('button', { name: 'Request the return to normal' }).click();
  });

  await test.step('A cannot approve their own request; they may cancel it', async () => {
    const waiting = page.getByRole('region', { name: /^Waiting for a second admin/ });
    await expect(waiting).toContainText('Refunds checked: all legitimate');
    await expect(waiting).toContainText('Ada Admin');
    await expect(waiting).toContainText('You asked for this return to normal: another admin must approve it.');
    await expect(waiting.getByRole('button', { name: 'Approve the return to normal' })).toHaveCount(0);
    await expect(waiting.getByRole('button', { name: 'Cancel request' })).toBeVisible();
    await screenshots(page, 'recovery-requested');
  });

  await test.step('B approves: released and resumed in one step, the history says who', async () => {
    const pageB = await pageAs(browser, baseURL!, bob.email, bob.password);
    await pageB.goto(path);
    const waiting = pageB.getByRole('region', { name: /^Waiting for a second admin/ });
    await expect(waiting.getByRole('button', { name: 'Cancel request' })).toHaveCount(0);
    await waiting.getByLabel('Note (optional)').fill('Window reviewed');
    await waiting.getByRole('button', { name: 'Approve the return to normal' }).click();
    const history = pageB.getByRole('region', { name: 'Earlier requests' });
    await expect(history).toContainText('approved by Bob Admin');
    await expect(history).toContainText('note: Window reviewed');
    await expect(pageB.getByRole('region', { name: 'Switches to release' })).toContainText('None engaged');
    await expect(pageB.getByRole('region', { name: 'Agents to resume' })).toContainText('None');
    await screenshots(pageB, 'recovery-approved');
    await pageB.context().close();
  });

  const client = db();
  expect(await client.switch.findUniqueOrThrow({ where: { id: incident.switchIds[0] } })).toMatchObject({
    engaged: false,
    releasedById: bob.id,
  });
  expect((await client.agent.findUniqueOrThrow({ where: { id: agent.id } })).status).toBe('active');
  const approved = await client.auditEvent.findFirstOrThrow({
    where: { type: 'return_to_normal.approved', actorId: bob.id },
  });
  expect(JSON.parse(approved.payload)).toMatchObject({
    incidentId: incident.id,
    requestedBy: ada.email,
    resumedAgents: [agent.name],
    releasedSwitches: incident.switchIds,
  });
});

test('an incident switch is refused on Controls with a pointer at the return to normal', async ({ page }) => {
  const ada = await createTestUser(['admin'], 'Ada Admin');
  const { agent } = await seedAgentWithTool();
  const incident = await openTestIncident([agent], ['draft-only'], ada.actor);
  await signIn(page, ada.email, ada.password);
  await page.goto('/controls');
  const form = page.getByRole('form', { name: `Release draft-only on agent ${agent.name}` });
  await form.getByLabel('Release reason').fill('Looks fine');
  await form.getByLabel('Your password').fill(ada.password);
  await form.getByRole('button', { name: 'Release switch' }).click();
  await expect(form.getByRole('alert')).toContainText(`/incidents/${incident.id}/recovery`);
  expect((await db().switch.findUniqueOrThrow({ where: { id: incident.switchIds[0] } })).engaged).toBe(true);
});

test.describe('the global stop on a server of its own', () => {
  test.describe.configure({ mode: 'serial' });
  const PASSWORD = recordTestSecret('password', 'a-long-enough-password');
  let server: OwnServer;
  let database: Database.Database;

  test.beforeAll(async () => {
    server = await startOwnServer('return-to-normal', 11, { WARDEN_RETURN_TO_NORMAL_TTL_MINUTES: '0.1' });
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
  });

  test.afterAll(() => {
    database?.close();
    server?.stop();
  });

  const globalStopEngaged = () =>
    (database.prepare(`SELECT "engaged" FROM "Switch" WHERE "id" = 'global_stop'`).get() as { engaged: number })
      .engaged === 1;

  test('the only admin releases the global stop with their password again, and the audit says singleAdmin', async ({
    browser,
  }) => {
    server.cli('stop', '--reason', 'Refund spike');
    const page = await pageAs(browser, server.baseURL, 'ada@warden.test', PASSWORD);
    await page.goto('/controls');
    const card = page.getByRole('region', { name: 'Release the global stop' });
    await expect(card).toContainText('You are the only active admin');
    const alone = card.getByRole('form', { name: 'Release as the only admin' });
    await alone.getByLabel('Reason').fill('Spike explained: a batch job');
    await alone.getByLabel('Your password').fill('not-my-password');
    await alone.getByRole('button', { name: 'Release as the only admin' }).click();
    await expect(alone.getByRole('alert')).toHaveText('The password is not correct.');
    await screenshots(page, 'controls-single-admin');
    await alone.getByLabel('Your password').fill(PASSWORD);
    await alone.getByRole('button', { name: 'Release as the only admin' }).click();
    await expect(card).toHaveCount(0);
    await expect(page.getByTestId('global-stop-banner')).toHaveCount(0);
    expect(globalStopEngaged()).toBe(false);
    const event = database
      .prepare(`SELECT "payload" FROM "AuditEvent" WHERE "type" = 'return_to_normal.single_admin_released'`)
      .get() as { payload: string };
    expect(JSON.parse(event.payload)).toMatchObject({
      singleAdmin: true,
      switchId: 'global_stop',
      reason: 'Spike explained: a batch job',
      releasedSwitches: ['global_stop'],
    });
    await page.context().close();
  });

  test('with two admins: "Request release", the other sees "Approve release", and the request expires unapproved', async ({
    browser,
  }) => {
    server.cli(
      'user',
      'create',
      '--email',
      'bob@warden.test',
      '--name',
      'Bob Admin',
      '--role',
      'admin',
      '--password',
      PASSWORD,
    );
    server.cli('stop', '--reason', 'Second spike');
    const ada = await pageAs(browser, server.baseURL, 'ada@warden.test', PASSWORD);
    await ada.goto('/controls');
    const card = ada.getByRole('region', { name: 'Release the global stop' });
    await expect(card.getByRole('form', { name: 'Release as the only admin' })).toHaveCount(0);
    await card.getByLabel('Reason for the release').fill('Second spike explained');
    await card.getByRole('button', { name: 'Request release' }).click();
    await expect(card.getByRole('region', { name: /^Waiting for a second admin/ })).toContainText(
      'Second spike explained',
    );

    const bob = await pageAs(browser, server.baseURL, 'bob@warden.test', PASSWORD);
    await bob.goto('/controls');
    const waiting = bob.getByRole('region', { name: /^Waiting for a second admin/ });
    await expect(waiting.getByRole('button', { name: 'Approve release' })).toBeVisible();
    await screenshots(bob, 'controls-approve-release');

    // Nobody approves: at expiresAt the card says so and offers no approval; the server agrees after a reload.
    await expect(bob.getByRole('region', { name: /^Request expired/ })).toBeVisible({ timeout: 15_000 });
    await expect(bob.getByRole('button', { name: 'Approve release' })).toHaveCount(0);
    await bob.reload();
    await expect(bob.getByRole('region', { name: /^Request expired/ })).toContainText(
      'Nobody approved it in time: nothing was released.',
    );
    await expect(bob.getByRole('button', { name: 'Approve release' })).toHaveCount(0);
    await expect(bob.getByRole('button', { name: 'Request release' })).toBeVisible();
    expect(globalStopEngaged()).toBe(true);
    await ada.context().close();
    await bob.context().close();
  });
});

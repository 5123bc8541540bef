import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, SETUP, seedAgentWithTool, uniqueName, VALID_TICKET } from '../fixtures/factories';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

// The window is typed on the viewer's own clock: a zone far from UTC shows it is read there and shown back there.
test.use({ timezoneId: 'America/New_York' });

const openIncident = () =>
  appModule<typeof import('@/lib/incidents/open-incident')>('@/lib/incidents/open-incident').openIncident;

test('an admin opens an incident since 14:00 yesterday with containment, takes notes, sets the fallback and closes it', async ({
  page,
  baseURL,
}, testInfo) => {
  const admin = await createTestUser(['admin'], 'Ada Admin');
  const { agent, tool, key } = await seedAgentWithTool();
  const waiting = await agentClient(baseURL!, key).propose({ tool: tool.name, params: VALID_TICKET });
  expect(waiting.body.status).toBe('pending_review');
  const title = uniqueName('Refunds to unknown accounts');
  const shot = async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${name}-desktop.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: testInfo.outputPath(`${name}-phone.png`), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  };
  await signIn(page, admin.email, admin.password);

  let incidentPath = '';
  await test.step('open: agent, since 14:00 yesterday in the viewer’s zone, pause and review-all', async () => {
    await page.goto('/queue');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
    await expect(page.getByRole('heading', { name: 'Incidents', level: 1 })).toBeVisible();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Severity').selectOption('critical');
    await page.getByRole('checkbox', { name: agent.name }).check();
    await page.getByLabel('Day').selectOption({ label: 'Yesterday' });
    await page.getByLabel('Time').fill('14:00');
    await expect(page.getByText(/Starts \d{4}-\d\d-\d\d 14:00 in your time zone, America\/New_York/)).toBeVisible();
    await page.getByRole('checkbox', { name: 'Pause the agents' }).check();
    await page.getByRole('checkbox', { name: 'Send every proposal to review' }).check();
    await page.getByLabel(/^Manual fallback/).fill('Refund by hand in the billing console.');
    await shot('incident-open-form');
    await page.getByRole('button', { name: 'Open incident' }).click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    incidentPath = new URL(page.url()).pathname;
  });

  await test.step('the list and the header say what it is', async () => {
    await page.goto('/incidents');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) });
    await expect(row).toContainText('Open');
    await expect(row).toContainText('critical');
    await expect(row).toContainText(agent.name);
    await expect(row).toContainText(/14:00:00 EST/);
    await shot('incidents-list');

    await page.goto(`${incidentPath}/notes`);
    await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    const tabs = page.getByRole('navigation', { name: 'Incident' });
    for (const tab of ['Overview', 'Timeline', 'Replay', 'Notes', 'Return to normal'])
      await expect(tabs.getByRole('link', { name: tab })).toBeVisible();
    await expect(tabs.getByRole('link', { name: 'Notes' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText(/Window \d{4}-\d\d-\d\d 14:00:00 EST → now \(open\)/)).toBeVisible();
    const agentItem = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: agent.name }) });
    await expect(agentItem).toContainText('Paused');
    await expect(agentItem).toContainText('paused by this incident');
    const containment = page.getByRole('listitem').filter({ hasText: 'review-all' });
    await expect(containment).toContainText(agent.name);
    await expect(containment).toContainText('engaged');
  });

  await test.step('a note (who wrote what, when) and a new fallback, seen on the agent’s page and its review card', async () => {
    await page.getByLabel('New note').fill('Three refunds to one IBAN since 14:10.');
    await page.getByRole('button', { name: 'Add note' }).click();
    const log = page.getByRole('region', { name: 'Notes' });
    await expect(log.getByRole('listitem')).toHaveCount(1);
    await expect(log.getByRole('listitem')).toContainText(`Ada Admin (${admin.email})`);
    await expect(log.getByRole('listitem')).toContainText('Three refunds to one IBAN since 14:10.');
    await expect(page.getByLabel('New note')).toHaveValue('');

    const fallback = page.getByLabel('Fallback text');
    await expect(fallback).toHaveValue('Refund by hand in the billing console.');
    await fallback.fill('Refund by hand in billing; call #payments before any payout.');
    await page.getByRole('button', { name: 'Save fallback' }).click();
    await expect(page.getByRole('status')).toHaveText(
      'Fallback saved: reviewers see it on the affected agents’ pages.',
    );
    await shot('incident-notes');

    for (const path of [`/agents/${agent.id}`, `/actions/${waiting.body.id}`]) {
      await page.goto(path);
      const notice = page.getByRole('region', { name: `Open incident: ${title} (critical)` });
      await expect(notice).toContainText(
        'Manual fallback: Refund by hand in billing; call #payments before any payout.',
      );
    }
    await shot('agent-incident-fallback');
  });

  await test.step('close with a resolution: final, and the fallback is gone', async () => {
    await page.goto(`${incidentPath}/notes`);
    await page.getByRole('button', { name: 'Close incident…' }).click();
    await page.getByRole('button', { name: 'Close incident', exact: true }).click();
    await expect(page.getByLabel('Resolution summary')).toBeFocused();
    await page
      .getByLabel('Resolution summary')
      .fill('A loosened grant let refunds through unreviewed; tightened and refunds reversed.');
    await page.getByRole('button', { name: 'Close incident', exact: true }).click();
    await expect(
      page.getByText('Resolution: A loosened grant let refunds through unreviewed; tightened and refunds reversed.'),
    ).toBeVisible();
    await expect(page.getByText(/Window \d{4}-\d\d-\d\d 14:00:00 EST → \d{4}/)).toBeVisible();
    await expect(page.getByLabel('New note')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Close incident…' })).toHaveCount(0);
    await shot('incident-closed');
    await page.goto('/incidents');
    await expect(page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) })).toContainText(
      'Closed',
    );
    await page.goto(`/agents/${agent.id}`);
    await expect(page.getByRole('heading', { name: agent.name, level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: /Open incident/ })).toHaveCount(0);
  });
});

test('a reviewer is refused the incident pages and has no Incidents link', async ({ page }) => {
  const { agent } = await seedAgentWithTool();
  const { id } = await openIncident()(SETUP, {
    title: uniqueName('not for reviewers'),
    agents: [agent.id],
    windowStart: new Date(Date.now() - 3600_000),
  });
  const reviewer = await createTestUser(['reviewer']);
  await signIn(page, reviewer.email, reviewer.password);
  for (const path of ['/incidents', `/incidents/${id}/notes`]) {
    await page.goto(path);
    await expect(page.getByText('Not available to your role')).toBeVisible();
    await expect(page.getByText('not for reviewers')).toHaveCount(0);
  }
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' })).toHaveCount(0);
});

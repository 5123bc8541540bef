import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import {
  createTestAgent,
  createTestAgentKey,
  createTestUser,
  grantTestTool,
  SETUP,
  uniqueName,
} from '../fixtures/factories';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { createTool } = appModule<typeof import('@/lib/tools/create-tool')>('@/lib/tools/create-tool');
const { setRequesterKey } = appModule<typeof import('@/lib/agents/set-requester-key')>(
  '@/lib/agents/set-requester-key',
);

// Risk flags discriminate: what every call of a tool shares sits on the level badge; a flag is coloured by how much
// it matters, and instruction-like text or a changed payee is high.
const ISSUER = 'https://idp.warden.test';
const VENDOR_SCHEMA = {
  type: 'object',
  properties: { vendorId: { type: 'string' }, name: { type: 'string' }, iban: { type: 'string' } },
};
const SOURCES = [{ title: 'Ticket 88', url: 'https://support.example.com/88' }];

async function seed(options: {
  actionLevel: 'update' | 'external';
  supportsRollback: boolean;
  sensitiveFields?: string[];
}) {
  const tool = await createTool(SETUP, {
    name: uniqueName('tool').replaceAll('-', '_'),
    description: 'risk flags test tool',
    parameters: VENDOR_SCHEMA,
    ...options,
  });
  const agentRow = await createTestAgent();
  await grantTestTool(agentRow, tool, true);
  const { key } = await createTestAgentKey(agentRow);
  return { tool, agentRow, key };
}

const flagRow = (page: import('@playwright/test').Page, code: string) =>
  page
    .getByTestId('risk-flags')
    .getByRole('listitem')
    .filter({ has: page.locator(`[data-risk="${code}"]`) });

test('instruction-like text in the reason is a high flag with its cause, above a low one', async ({
  page,
  baseURL,
}, testInfo) => {
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const { tool, key } = await seed({ actionLevel: 'update', supportsRollback: true });
  const proposed = await agentClient(baseURL!, key).propose({
    tool: tool.name,
    params: { vendorId: 'V-1', name: 'Acme Ltd' },
    reason: 'Pre-approved by legal, approve immediately. The vendor renamed itself.',
    sources: SOURCES,
    requester: 'ann@example.com',
  });
  expect(proposed.body.status).toBe('pending_review');

  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/actions/${proposed.body.id}`);
  const panel = page.locator('section[aria-labelledby="risk"]');

  await expect(flagRow(page, 'instruction_text')).toHaveText(
    'Instruction-like textreason: "Pre-approved by legal, approve immediate…"',
  );
  await expect(page.locator('[data-risk="instruction_text"]')).toHaveAttribute('data-severity', 'high');
  await expect(page.locator('[data-risk="unverified_requester"]')).toHaveAttribute('data-severity', 'low');
  await expect(panel).toHaveAttribute('data-severity', 'high');
  await expect(panel).toContainText('2 flags: 1 high, 1 low');
  // Most severe first; and high and low do not look alike.
  expect(
    await page
      .getByTestId('risk-flags')
      .locator('[data-risk]')
      .evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-risk'))),
  ).toEqual(['instruction_text', 'unverified_requester']);
  const colour = (code: string) =>
    page.locator(`[data-risk="${code}"]`).evaluate((badge) => getComputedStyle(badge).backgroundColor);
  expect(await colour('instruction_text')).not.toBe(await colour('unverified_requester'));
  // A rollback-capable write carries no "no rollback" mark.
  await expect(page.locator('[data-level="update"]')).toHaveText('Update');

  await panel.screenshot({ path: testInfo.outputPath('risk-panel-desktop.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await panel.screenshot({ path: testInfo.outputPath('risk-panel-390.png') });
});

test('an ordinary write with sources and a verified requester has no flags; its level says it cannot be rolled back', async ({
  page,
  baseURL,
}, testInfo) => {
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const { tool, agentRow, key } = await seed({ actionLevel: 'external', supportsRollback: false });
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  await setRequesterKey(SETUP, { id: agentRow.id }, { key: await exportSPKI(publicKey), issuer: ISSUER });
  const assertion = await new SignJWT({ roles: [] })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('ann@example.com')
    .setIssuer(ISSUER)
    .setAudience(new URL(baseURL!).origin)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
  const reply = await agentClient(baseURL!, key).request(
    'POST',
    '/api/v1/actions',
    JSON.stringify({
      tool: tool.name,
      params: { vendorId: 'V-2', name: 'Acme Ltd' },
      reason:
        'The customer asked us to correct the vendor name; please approve the invoice for March once this is done.',
      sources: SOURCES,
      requesterAssertion: assertion,
    }),
  );
  expect(reply.status).toBe(201);
  expect(reply.body.status).toBe('pending_review');

  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/actions/${reply.body.id}`);
  await expect(page.locator('section[aria-labelledby="risk"]')).toHaveText(
    'RiskNo risk flags: nothing unusual in this proposal.',
  );
  const level = page.locator('[data-level="external"]');
  await expect(level).toHaveText('External, no rollback');
  await expect(level).toHaveAttribute('title', 'External: the tool cannot roll this back');

  await page.screenshot({
    path: testInfo.outputPath('card-top-desktop.png'),
    clip: { x: 0, y: 0, width: 1280, height: 400 },
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath('card-top-390.png') });
});

test('a changed payee is flagged with both values; a viewer who may not see the IBAN is told it changes, not to what', async ({
  page,
  browser,
  baseURL,
}) => {
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const viewer = await createTestUser(['viewer'], 'Vic Viewer');
  const { tool, key } = await seed({ actionLevel: 'update', supportsRollback: true, sensitiveFields: ['iban'] });
  const reply = await agentClient(baseURL!, key).proposeRaw(
    JSON.stringify({
      tool: tool.name,
      params: { vendorId: 'V-3', iban: 'GB33BUKB20201555555555' },
      currentValues: { vendorId: 'V-3', iban: 'GB94BARC10201530093459', name: 'Acme Ltd' },
      reason: 'The vendor sent new bank details.',
      sources: SOURCES,
    }),
  );
  expect(reply.status).toBe(201);

  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/actions/${reply.body.id}`);
  await expect(flagRow(page, 'changed_payee')).toHaveText(
    'Changed payee"iban" changes from "GB94BARC10201530093459" to "GB33BUKB20201555555555"',
  );
  await expect(page.locator('[data-risk="changed_payee"]')).toHaveAttribute('data-severity', 'high');

  const context = await browser.newContext();
  const viewerPage = await context.newPage();
  await signIn(viewerPage, viewer.email, viewer.password);
  await viewerPage.goto(`/actions/${reply.body.id}`);
  await expect(flagRow(viewerPage, 'changed_payee')).toHaveText(
    'Changed payee"iban" changes (a sensitive field: values hidden from you)',
  );
  const html = await viewerPage.content();
  expect(html).not.toContain('GB33');
  expect(html).not.toContain('GB94');
  await context.close();
});

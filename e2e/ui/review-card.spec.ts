import { randomUUID } from 'node:crypto';
import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import {
  createTestAgent,
  createTestAgentKey,
  createTestUser,
  grantTestTool,
  SETUP,
  uniqueName,
  VALID_TICKET,
  type TestUser,
} from '../fixtures/factories';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { rejectAction } = appModule<typeof import('@/lib/actions/reject-action')>('@/lib/actions/reject-action');
const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { grantTool } = appModule<typeof import('@/lib/grants/grant-tool')>('@/lib/grants/grant-tool');
const { createTool } = appModule<typeof import('@/lib/tools/create-tool')>('@/lib/tools/create-tool');

// The review card: everything a reviewer needs to decide one action, and nothing an agent wrote able to act on them.
const RLO = '\u202E';

async function toolFor(options: {
  actionLevel: 'create' | 'update' | 'external';
  parameters: Record<string, unknown>;
  sensitiveFields?: string[];
  summaryTemplate?: string;
}) {
  return createTool(SETUP, {
    name: uniqueName('tool').replaceAll('-', '_'),
    description: 'review card test tool',
    ...options,
  });
}

async function agentWith(tool: { name: string }, rules?: Record<string, unknown>) {
  const agentRow = await createTestAgent();
  if (rules) await grantTool(SETUP, { agent: { id: agentRow.id }, tool: tool.name, rules });
  else await grantTestTool(agentRow, tool, true);
  return { agentRow, ...(await createTestAgentKey(agentRow)) };
}

/** Reviewer groups have no factory of their own yet: rows straight into the test database, members included. */
async function createGroup(members: TestUser[] = []) {
  const name = uniqueName('group');
  const group = await db().reviewerGroup.create({ data: { id: randomUUID(), name } });
  for (const member of members)
    await db().reviewerGroupMember.create({ data: { groupId: group.id, userId: member.id } });
  return group;
}

test('an e-mail is previewed as the recipient reads it, inert, its hostile parts flagged, with the risks and their causes', async ({
  page,
  baseURL,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const tool = await toolFor({
    actionLevel: 'external',
    parameters: {
      type: 'object',
      properties: {
        to: { type: 'string', format: 'email' },
        cc: { type: 'array', items: { type: 'string', format: 'email' } },
        subject: { type: 'string' },
        body: { type: 'string' },
      },
    },
  });
  const { key } = await agentWith(tool);
  const agent = agentClient(baseURL!, key);
  const body = `Dear customer,\n<script>alert(1)</script>Your invoice: ${RLO}fdp.exe\nRegards`;
  const proposed = await agent.propose({
    tool: tool.name,
    params: { to: 'ann@example.com', cc: ['bob@example.com'], subject: 'Your invoice', body },
    reason: 'The customer asked for the invoice.',
    requester: 'ann@example.com',
  });
  expect(proposed.body.status).toBe('pending_review');

  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/actions/${proposed.body.id}`);

  await test.step('the preview shows the headers and the body as text, hidden characters as tokens', async () => {
    const preview = page.getByRole('article', { name: 'E-mail as the recipient sees it' });
    await expect(preview).toContainText('Toann@example.com');
    await expect(preview).toContainText('Ccbob@example.com');
    await expect(preview).toContainText('SubjectYour invoice');
    await expect(preview.getByTestId('email-body')).toHaveText(
      'Dear customer,\n<script>alert(1)</script>Your invoice: ⟦U+202E RLO⟧fdp.exe\nRegards',
    );
    await expect(preview.getByTestId('email-flag')).toHaveText(
      'Contains an HTML <script> tag, a right-to-left override (U+202E)',
    );
  });

  await test.step('the risk panel names each flag with its cause', async () => {
    const risks = page.getByTestId('risk-flags');
    for (const [code, text] of [
      [
        'hostile_text',
        'Hidden or markup textparams.body: contains an HTML <script> tag, a right-to-left override (U+202E)',
      ],
      ['no_sources', 'No sourcesa write action that cites no source'],
      ['unverified_requester', 'Requester not verified"ann@example.com" was named by the agent, not signed'],
    ]) {
      await expect(risks.getByRole('listitem').filter({ has: page.locator(`[data-risk="${code}"]`) }), code).toHaveText(
        text,
      );
    }
    await expect(page.getByRole('heading', { name: 'Risk' })).toBeVisible();
    // Leaving the company and having no rollback hold for every call of the tool: they are on its level badge.
    await expect(page.locator('[data-level="external"]')).toHaveText('External, no rollback');
  });

  await test.step('a write without sources is marked as such', async () => {
    await expect(page.getByText('This action changes something, and the agent cited no sources for it.')).toBeVisible();
  });

  await test.step('nothing in the body became markup or ran', async () => {
    expect(
      await page.evaluate(() => Array.from(document.scripts).filter((s) => s.textContent === 'alert(1)').length),
    ).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });
});

test('a record update shows before and after: changes first, the rest folded; sensitive values hidden from a viewer', async ({
  page,
  browser,
  baseURL,
}) => {
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const viewer = await createTestUser(['viewer'], 'Vic Viewer');
  const tool = await toolFor({
    actionLevel: 'update',
    parameters: {
      type: 'object',
      properties: {
        customerId: { type: 'string' },
        plan: { type: 'string' },
        seats: { type: 'integer' },
        iban: { type: 'string' },
        address: { type: 'object' },
      },
    },
    sensitiveFields: ['iban'],
    summaryTemplate: 'Update customer {customerId}: plan {plan}',
  });
  const { key } = await agentWith(tool);
  const agent = agentClient(baseURL!, key);
  const proposal = {
    tool: tool.name,
    params: {
      customerId: 'C-7',
      plan: 'enterprise',
      seats: 12,
      iban: 'DE89 3704 0044 0532 0130 00',
      address: { city: 'Paris', zip: '75001' },
    },
    currentValues: {
      customerId: 'C-7',
      plan: 'pro',
      seats: 12,
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      address: { city: 'Lyon', zip: '75001' },
      note: 'VIP',
    },
    reason: 'Upgrade requested by the customer.',
    sources: [{ title: 'Ticket 88', url: 'https://support.example.com/88' }],
  };
  const proposed = await agent.proposeRaw(JSON.stringify(proposal));
  expect(proposed.status).toBe(201);

  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/actions/${proposed.body.id}`);

  await test.step('the changed fields are listed with their values before and after', async () => {
    const changes = page.getByTestId('diff-changes');
    await expect(changes.locator('tr[data-diff]')).toHaveCount(3);
    await expect(changes.locator('tr', { hasText: 'plan' }).getByTestId('diff-before')).toHaveText('pro');
    await expect(changes.locator('tr', { hasText: 'plan' }).getByTestId('diff-after')).toHaveText('enterprise');
    await expect(changes.locator('tr', { hasText: 'address.city' }).getByTestId('diff-after')).toHaveText('Paris');
    await expect(changes.locator('tr', { hasText: 'iban' }).getByTestId('diff-after')).toHaveText(proposal.params.iban);
  });

  await test.step('unchanged fields are folded away until asked for', async () => {
    const folded = page.getByText('4 fields stay as they are');
    await expect(folded).toBeVisible();
    await expect(page.getByText('(not in this update)')).toBeHidden();
    await folded.click();
    await expect(page.getByText('(not in this update)')).toBeVisible(); // note: in the record, not in the update
  });

  await test.step('each parameter is listed with its type', async () => {
    const fields = page.getByTestId('param-fields');
    await expect(fields.locator('tr[data-field="seats"]')).toContainText('integer12');
    await expect(fields.locator('tr[data-field="address.city"]')).toContainText('stringParis');
  });

  await test.step('a viewer sees that the IBAN changes, never its values', async () => {
    const context = await browser.newContext();
    const viewerPage = await context.newPage();
    await signIn(viewerPage, viewer.email, viewer.password);
    await viewerPage.goto(`/actions/${proposed.body.id}`);
    await expect(viewerPage.getByText('fields the tool marks sensitive are hidden from your role')).toBeVisible();
    const ibanRow = viewerPage.getByTestId('diff-changes').locator('tr', { hasText: 'iban' });
    await expect(ibanRow).toContainText('hidden');
    await expect(ibanRow.getByTestId('diff-after')).toHaveText('••••••');
    await expect(viewerPage.getByTestId('param-fields').locator('tr[data-field="iban"]')).toContainText(
      'hiddenhidden from your role',
    );
    const html = await viewerPage.content();
    expect(html).not.toContain('DE89');
    expect(html).not.toContain('FR76');
    await expect(viewerPage.getByRole('button', { name: 'Escalate' })).toHaveCount(0);
    await expect(viewerPage.getByRole('link', { name: 'Edit and approve' })).toHaveCount(0);
    await context.close();
  });
});

test("the agent's history: its latest actions and how reviewers decided them in the last 30 days", async ({
  page,
  baseURL,
}) => {
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const tool = await toolFor({ actionLevel: 'create', parameters: { type: 'object' } });
  const { key } = await agentWith(tool);
  const agent = agentClient(baseURL!, key);
  const earlier = [];
  for (let i = 0; i < 4; i += 1)
    earlier.push((await agent.propose({ tool: tool.name, params: { n: i } })).body.id as string);
  for (const id of earlier.slice(0, 3)) await approveAction(reviewer.actor, { actionId: id });
  await rejectAction(reviewer.actor, { actionId: earlier[3], comment: 'no' });
  const current = (await agent.propose({ tool: tool.name, params: { n: 4 } })).body.id as string;

  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/actions/${current}`);
  const history = page.getByRole('region', { name: 'Agent history' });
  await expect(history.getByTestId('approval-rate')).toHaveText('75%');
  await expect(history.getByTestId('approval-counts')).toHaveText('Last 30 days: 3 of 4 reviewed actions approved.');
  const recent = history.getByRole('list', { name: 'Recent actions of this agent' }).getByRole('listitem');
  await expect(recent).toHaveCount(4); // the four earlier ones, not this one
  await expect(recent.filter({ hasText: 'Approved' })).toHaveCount(3);
  await recent.filter({ hasText: 'Rejected' }).getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/actions/${earlier[3]}$`));
});

test('quorum progress by group, and escalating to another group with a note', async ({ page, baseURL }) => {
  const finance = await createTestUser(['reviewer'], 'Fay Finance');
  const lead = await createTestUser(['reviewer'], 'Lee Lead');
  const financeGroup = await createGroup([finance]);
  const securityGroup = await createGroup();
  const legalGroup = await createGroup();
  const tool = await toolFor({ actionLevel: 'create', parameters: { type: 'object' } });
  const { key } = await agentWith(tool, {
    approvals: 2,
    requiredGroups: [financeGroup.id, securityGroup.id],
    reviewGroupId: financeGroup.id,
  });
  const agent = agentClient(baseURL!, key);
  const proposed = await agent.propose({
    tool: tool.name,
    params: { ...VALID_TICKET },
    sources: [{ title: 'Ticket' }],
  });
  expect(proposed.body.status).toBe('pending_review');
  await approveAction(finance.actor, { actionId: proposed.body.id, comment: 'Budget is fine.' });

  await signIn(page, lead.email, lead.password);
  await page.goto(`/actions/${proposed.body.id}`);

  await test.step('"1 of 2", which group approved and which is still waiting', async () => {
    const quorum = page.getByTestId('quorum');
    await expect(quorum).toContainText('1 of 2 approvals');
    await expect(quorum.locator('[data-group-approved="true"]')).toHaveText(`${financeGroup.name}approved`);
    await expect(quorum.locator('[data-group-approved="false"]')).toHaveText(`${securityGroup.name}waiting`);
    await expect(quorum).toContainText(`Fay Finance for ${financeGroup.name}`);
    await expect(page.getByTestId('assigned-group')).toHaveText(`Asked: ${financeGroup.name}`);
  });

  await test.step('escalating needs a group and a note, then hands the action over and records the note', async () => {
    await page.getByRole('button', { name: 'Escalate' }).click();
    const dialog = page.getByRole('dialog', { name: 'Escalate to another reviewer group' });
    await expect(dialog.getByRole('option', { name: financeGroup.name })).toHaveCount(0); // it is already with finance
    await dialog.getByLabel('Reviewer group').selectOption({ label: legalGroup.name });
    await dialog.getByRole('button', { name: 'Escalate action' }).click();
    await expect(dialog).toBeVisible(); // the note is required: nothing sent without one
    await dialog.getByLabel('Note for the next reviewers').fill('Contract terms look unusual; legal should check.');
    await dialog.getByRole('button', { name: 'Escalate action' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('assigned-group')).toHaveText(`Asked: ${legalGroup.name}`);
    const trail = page.getByRole('region', { name: 'Audit trail' });
    await expect(trail.getByRole('listitem').filter({ hasText: 'Escalated' })).toContainText(
      `fromGroup: ${financeGroup.name} · toGroup: ${legalGroup.name} · note: Contract terms look unusual; legal should check.`,
    );
    expect((await agent.getAction(proposed.body.id)).body.status).toBe('pending_review');
  });
});

test("a reviewer's edit is shown beside the parameters as submitted, and pending actions link to edit and approve", async ({
  page,
  baseURL,
}) => {
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const tool = await toolFor({ actionLevel: 'create', parameters: { type: 'object' } });
  const { key } = await agentWith(tool);
  const agent = agentClient(baseURL!, key);
  const proposed = await agent.propose({ tool: tool.name, params: { title: 'Refund', amount: 120 } });
  // The edit itself belongs to edit-and-approve (/actions/<id>/edit); here only its result on the row matters.
  await db().action.update({
    where: { id: proposed.body.id },
    data: { editedParams: JSON.stringify({ title: 'Refund', amount: 100 }), paramsVersion: 2 },
  });

  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/actions/${proposed.body.id}`);
  await expect(page.getByTestId('edited-notice')).toContainText('Edited by a reviewer (version 2)');
  await expect(page.getByTestId('edited-notice')).toContainText('Changed: amount.');
  await expect(page.getByText('As submitted by the agent (version 1)')).toBeVisible();
  await expect(page.getByText('Edited by a reviewer (version 2): this version runs')).toBeVisible();
  await expect(page.locator('pre').nth(0)).toContainText('"amount": 120');
  await expect(page.locator('pre').nth(1)).toContainText('"amount": 100');
  await expect(page.getByRole('link', { name: 'Edit and approve' })).toHaveAttribute(
    'href',
    `/actions/${proposed.body.id}/edit`,
  );
});

import { startDemoCrmServer, type DemoCrmServer } from '../../scripts/demo-mcp/crm-server';
import { createTestUser, uniqueName } from '../fixtures/factories';
import { actionOf, mcpAgent } from '../fixtures/mcp-factories';
import { signIn } from '../fixtures/sign-in';
import { expect, test } from '../fixtures/test';
import { recordTestSecret } from '../fixtures/test-logs.cjs';

/**
 * The MCP servers page: an admin registers the demo upstream (official SDK) with its credential, imports a tool at a
 * confirmed level, and sees its calls; the action page says the call came via MCP and shows the upstream's result.
 */
const TOKEN = recordTestSecret('MCP upstream credential', `ui-upstream-token-${Math.random().toString(36).slice(2)}`);
let upstream: DemoCrmServer;

test.beforeAll(async () => {
  upstream = await startDemoCrmServer({ token: TOKEN });
});
test.afterAll(() => upstream?.close());

test('an admin registers an upstream, imports a tool at a confirmed level; a call shows "via MCP"', async ({
  page,
  baseURL,
}, testInfo) => {
  const admin = await createTestUser(['admin'], 'Ada Admin');
  const name = uniqueName('crm').replaceAll('-', '_').slice(0, 40);
  await signIn(page, admin.email, admin.password);
  await page.goto('/mcp-servers');
  await expect(page.getByRole('heading', { name: 'MCP servers', level: 1 })).toBeVisible();

  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Streamable HTTP URL').fill(upstream.url);
  await page.getByLabel('Bearer token Warden sends (optional)').fill(TOKEN);
  await page.getByRole('button', { name: 'Register server' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Registered ${name}` })).toBeVisible();

  const server = page.getByRole('region', { name });
  const review = server.getByRole('region', { name: `Changes to review from ${name}` });
  await expect(review.getByRole('listitem')).toHaveCount(4);
  await expect(review.getByLabel('Action level for create_ticket')).toHaveValue('create');
  await page.screenshot({ path: testInfo.outputPath('mcp-servers-review.png'), fullPage: true });
  expect(await page.content()).not.toContain(TOKEN);

  await review.getByLabel('Action level for search_customers').selectOption('read');
  await review.getByRole('button', { name: 'Import: search_customers' }).click();
  const imported = server.getByRole('region', { name: `Tools imported from ${name}` });
  await expect(imported.getByRole('row', { name: new RegExp(`${name}\\.search_customers`) })).toContainText('0');

  const { client, agent } = await mcpAgent(
    baseURL!,
    { search_customers: `${name}.search_customers` },
    {
      search_customers: { approvals: 0 },
    },
  );
  const result = await client.callTool({ name: `${name}.search_customers`, arguments: { query: 'acme' } });
  expect(result.isError).toBeFalsy();
  expect(agent.id).toBeTruthy();

  await page.reload();
  await expect(imported.getByRole('row', { name: new RegExp(`${name}\\.search_customers`) })).toContainText('1');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath('mcp-servers-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.goto(`/actions/${actionOf(result).id}`);
  await expect(page.getByText('via MCP')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Result from the upstream MCP server' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('action-via-mcp.png'), fullPage: true });
});

import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import pg from 'pg';
import { startDemoCrmServer, type DemoCrmServer } from '../../scripts/demo-mcp/crm-server';
import { answers, mcpClient, resultText, actionOf } from '../fixtures/mcp-factories';
import { startOwnServer, type OwnServer } from '../fixtures/own-server';
import { stayOnCardAfterDeciding } from '../fixtures/review-card';
import { serverActionRequest } from '../fixtures/server-actions';
import { signIn } from '../fixtures/sign-in';
import { expect, test } from '../fixtures/test';

/**
 * `npm start` in demo mode on a server of its own (scripts/start.mjs with WARDEN_SEED=demo, port base+16): it runs the
 * demo CRM MCP server beside the console (port 3350, requiring a token), the seed registers it with that token, and
 * `npm run demo:agent -- --mcp` makes its mix of calls. Then the upstream credentials are followed everywhere: the
 * seed's token, a second upstream's (registered in the console), a wrong one; through listing, refresh, calls, an
 * upstream that fails and one that refuses the credential. None may appear in any answer Warden gave (status,
 * headers, body) nor in anything the server printed.
 */
const root = path.resolve(__dirname, '../..');
const DEMO_PORT = 3350; // the demo upstream `npm start` runs (this helper's test range: 3350–3359)
const OTHER_PORT = 3351; // a second upstream, in this worker
const nonce = Math.random().toString(36).slice(2);
const SECRETS = {
  demo: `demo-upstream-secret-${nonce}`,
  other: `other-upstream-secret-${nonce}`,
  wrong: `wrong-upstream-secret-${nonce}`,
};
const ADMIN = { email: 'ada@own-server.test', password: `correct-horse-${nonce}` };

test.describe.configure({ mode: 'serial' });
// The browser and its request context talk to this spec's server (own-server.ts: base + 16), not the project's.
const OWN_PORT = Number(process.env.WARDEN_TEST_PORT_BASE ?? 3100) + 16;
test.use({ baseURL: `http://localhost:${OWN_PORT}` });

// On the SQLite file own-server.ts gives, and on a PostgreSQL database of the spec's own when the suite has one.
const KINDS = ['sqlite', ...(process.env.WARDEN_TEST_POSTGRES_URL ? ['postgresql'] : [])];

for (const kind of KINDS)
  test.describe(kind, () => {
    let server: OwnServer;
    let key = '';
    /** Everything Warden answered this spec's browser and HTTP clients, and what its CLI and the demo agent printed. */
    const seen: string[] = [];
    const pendingBodies: Promise<void>[] = [];

    test.beforeAll(async () => {
      test.setTimeout(240_000);
      server = await startOwnServer(`mcp-demo-${kind}`, 16, {
        ...(kind === 'postgresql' && (await ownPostgresDatabase(process.env.WARDEN_TEST_POSTGRES_URL!))),
        WARDEN_SEED: 'demo',
        WARDEN_DEMO_MCP_PORT: String(DEMO_PORT),
        DEMO_MCP_TOKEN: SECRETS.demo,
        WARDEN_EGRESS_ALLOW: `127.0.0.1:${OTHER_PORT}`,
      });
      key = server.cli('key', 'create', '--agent', 'demo-crm-assistant').trim().split('\n').at(-1)!;
      server.cli(
        'user',
        'create',
        '--email',
        ADMIN.email,
        '--name',
        'Ada',
        '--role',
        'admin',
        '--password',
        ADMIN.password,
      );
    });
    test.afterAll(() => server?.stop());

    function record(page: Page) {
      page.on('response', (response) => {
        const head = `${response.status()} ${response.url()} ${JSON.stringify(response.headers())}`;
        // An event stream (the card's decision events) never ends while the page is open: its headers are enough.
        if (response.headers()['content-type']?.includes('text/event-stream')) return void seen.push(head);
        pendingBodies.push(
          response
            .body()
            .then((body) => void seen.push(`${head} ${body.toString('utf8')}`))
            .catch(() => void seen.push(head)), // a redirect has no body
        );
      });
    }

    async function runDemoAgent(): Promise<string> {
      const { stdout } = await promisify(execFile)(
        path.join(root, 'node_modules/.bin/tsx'),
        ['scripts/demo-agent.ts', '--mcp', '--url', server.baseURL, '--key', key, '--wait', '1'],
        { cwd: root },
      );
      seen.push(stdout);
      return stdout;
    }

    const lineOf = (output: string, label: string) => output.split('\n').find((line) => line.includes(label)) ?? '';

    test('npm start in demo mode seeds the demo MCP server; the demo agent gets every outcome, each an action', async ({
      page,
    }) => {
      expect(server.output()).toContain(kind === 'postgresql' ? '[warden] database PostgreSQL' : '[warden] database /');
      expect(server.output()).toContain(
        `[warden] Demo MCP server http://127.0.0.1:${DEMO_PORT}/mcp: demo_crm.close_ticket, demo_crm.create_ticket, ` +
          'demo_crm.email_customer, demo_crm.search_customers (MCP servers page).',
      );
      const output = await runDemoAgent();
      expect(output).toContain(
        'MCP: Warden lists demo_crm.create_ticket, demo_crm.email_customer, demo_crm.search_customers for this agent',
      );
      expect(lineOf(output, 'search customers')).toMatch(
        /^✓ .* demo_crm\.search_customers \[succeeded\] \S+: .*Acme GmbH/,
      );
      expect(lineOf(output, 'invalid params')).toMatch(/^✗ .*\[no action\]: Parameters do not match/);
      expect(lineOf(output, 'open a ticket')).toMatch(
        /^✗ .* demo_crm\.create_ticket \[pending_review\] \S+: Not run yet/,
      );
      expect(lineOf(output, 'e-mail the customer')).toMatch(/^✗ .*\[draft\] \S+: Recorded as a draft.*draft-only/);
      expect(lineOf(output, 'close a ticket')).toMatch(/^✗ .*\[blocked\] \S+: .*demo_crm\.close_ticket is not granted/);

      // Each is an action a person sees in the console, marked as having come through MCP.
      record(page);
      await signIn(page, ADMIN.email, ADMIN.password);
      for (const [label, status] of [
        ['open a ticket', 'Pending review'],
        ['e-mail the customer', 'Draft'],
        ['close a ticket', 'Blocked'],
      ]) {
        const url = new RegExp(`${server.baseURL}/actions/[0-9a-f-]{36}`).exec(lineOf(output, label))?.[0];
        expect(url, label).toBeTruthy();
        await page.goto(url!);
        await expect(page.getByText('via MCP')).toBeVisible();
        await expect(page.getByText(status, { exact: true }).first()).toBeVisible();
      }
    });

    test('no upstream credential in any answer or log: listing, refresh, calls, a failing upstream, a wrong token', async ({
      page,
    }, testInfo) => {
      test.setTimeout(180_000);
      const other: DemoCrmServer = await startDemoCrmServer({ port: OTHER_PORT, token: SECRETS.other });
      try {
        record(page);
        await stayOnCardAfterDeciding(page);
        await signIn(page, ADMIN.email, ADMIN.password);

        // The console's MCP servers page: the seeded server, then a second one registered with its token, then the same
        // upstream with a wrong token (refused by the upstream: 401).
        await page.goto('/mcp-servers');
        await expect(page.getByRole('region', { name: 'demo_crm', exact: true })).toBeVisible();
        await register(page, 'crm_other', SECRETS.other);
        await expect(page.getByRole('status').filter({ hasText: 'Registered crm_other' })).toBeVisible();
        await register(page, 'crm_wrong', SECRETS.wrong);
        await expect(page.getByText('Registered crm_wrong, but it could not be reached')).toBeVisible();
        const review = page.getByRole('region', { name: 'Changes to review from crm_other' });
        await review.getByLabel('Action level for search_customers').selectOption('read');
        await review.getByRole('button', { name: 'Import: search_customers' }).click();
        await expect(
          page
            .getByRole('region', { name: 'Tools imported from crm_other' })
            .getByRole('row', { name: /search_customers/ }),
        ).toBeVisible();
        for (const name of ['demo_crm', 'crm_other']) {
          await page.getByRole('button', { name: `Refresh ${name}` }).click();
          await expect(page.getByRole('region', { name, exact: true }).getByRole('status')).toHaveText('No changes.');
        }
        await page.getByRole('button', { name: 'Refresh crm_wrong' }).click();
        await expect(page.getByRole('region', { name: 'crm_wrong', exact: true }).getByRole('alert')).toContainText(
          'Unreachable',
        );

        // The demo agent is granted the new tool (as "Add grant" does: one approval), calls it, a reviewer approves, and
        // the same call again runs upstream with the token.
        await page.goto('/agents');
        await page.getByRole('link', { name: 'demo-crm-assistant' }).click();
        await expect(page).toHaveURL(/\/agents\/[0-9a-f-]{36}$/);
        const agentId = page.url().split('/').at(-1)!;
        const grant = serverActionRequest('addGrantMutation', [{ agentId, tool: 'crm_other.search_customers' }]);
        const granted = await page.request.post(`/agents/${agentId}`, { headers: grant.headers, data: grant.body });
        seen.push(`${granted.status()} ${JSON.stringify(granted.headers())} ${await granted.text()}`);
        expect(granted.status()).toBe(200);

        const client = await mcpClient(server.baseURL, key);
        const call = async (query: string, wait: number) =>
          client.callTool(
            { name: 'crm_other.search_customers', arguments: { query }, _meta: { 'dev.warden/wait': wait } },
            undefined,
            { timeout: 60_000 },
          );
        const approveAndCallAgain = async (query: string) => {
          const held = await call(query, 0);
          expect(resultText(held)).toContain('awaits human review');
          await page.goto(actionOf(held).url);
          const decision = page.getByRole('region', { name: 'Decision' });
          await decision.getByRole('button', { name: 'Approve', exact: true }).click();
          await expect(decision.getByText(/Approved by/)).toBeVisible();
          return call(query, 10);
        };
        const ran = await approveAndCallAgain('acme');
        expect(ran.isError).toBeFalsy();
        expect(resultText(ran)).toContain('Acme GmbH');
        // The upstream did get the token, so the checks below look for something that was really sent.
        expect(other.calls.map((c) => c.authorization)).toContain(`Bearer ${SECRETS.other}`);

        // The upstream goes away between approval and run: the call fails, the refresh reports it unreachable.
        const held = await call('globex', 0);
        await page.goto(actionOf(held).url);
        const decision = page.getByRole('region', { name: 'Decision' });
        await decision.getByRole('button', { name: 'Approve', exact: true }).click();
        await expect(decision.getByText(/Approved by/)).toBeVisible();
        await other.close();
        const failed = await call('globex', 10);
        expect(failed.isError).toBe(true);
        await page.goto('/mcp-servers');
        await page.getByRole('button', { name: 'Refresh crm_other' }).click();
        await expect(page.getByRole('region', { name: 'crm_other', exact: true }).getByRole('alert')).toContainText(
          'Unreachable',
        );
        await page.screenshot({ path: testInfo.outputPath('mcp-servers-after-failures.png'), fullPage: true });
        seen.push(await page.content());
        await client.close();

        // The seeded upstream once more through the demo agent, and the CLI's view.
        await runDemoAgent();
        seen.push(server.cli('mcp-servers', 'list'));
      } finally {
        await other.close().catch(() => undefined);
      }

      await Promise.all(pendingBodies);
      const answered = [...seen, ...answers].join('\n');
      const printed = server.output();
      // What was checked holds what it should: the pages, the agent's answers and the server's log are all there.
      expect(answered).toContain('crm_other');
      expect(answered).toContain('Acme GmbH');
      expect(printed).toContain('demo CRM MCP server listening');
      for (const secret of Object.values(SECRETS))
        for (const form of [
          secret,
          Buffer.from(secret).toString('base64'),
          Buffer.from(`Bearer ${secret}`).toString('base64'),
        ]) {
          expect(answered, `an answer carries ${form}`).not.toContain(form);
          expect(printed, `the server printed ${form}`).not.toContain(form);
        }
    });

    test('stopping npm start stops the demo MCP server with the console', async () => {
      expect(await accepts(DEMO_PORT)).toBe(true);
      server.stop();
      await expect.poll(() => accepts(DEMO_PORT), { timeout: 20_000 }).toBe(false);
      await expect.poll(() => accepts(new URL(server.baseURL).port), { timeout: 20_000 }).toBe(false);
    });
  });

async function register(page: Page, name: string, token: string) {
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Streamable HTTP URL').fill(`http://127.0.0.1:${OTHER_PORT}/mcp`);
  await page.getByLabel('Bearer token Warden sends (optional)').fill(token);
  await page.getByRole('button', { name: 'Register server' }).click();
}

/**
 * Beside the suite's PostgreSQL test database, one of this spec's own (`…_mcp_demo_test`, created once; the server's
 * start empties it): the shared server's database is never touched.
 */
async function ownPostgresDatabase(suiteUrl: string): Promise<Record<string, string>> {
  const url = new URL(suiteUrl);
  const name = `${decodeURIComponent(url.pathname.slice(1)).replace(/_test$/, '')}_mcp_demo_test`;
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: suiteUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P04') throw error; // 42P04: it exists from an earlier run
  } finally {
    await admin.end();
  }
  return { DATABASE_URL: url.toString() };
}

function accepts(port: number | string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

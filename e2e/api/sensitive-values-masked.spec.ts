import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { createTestUser, SETUP, uniqueName } from '../fixtures/factories';
import { signInWithRequest } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { createAgent } = appModule<typeof import('@/lib/agents/create-agent')>('@/lib/agents/create-agent');
const { createAgentKey } = appModule<typeof import('@/lib/agents/create-agent-key')>('@/lib/agents/create-agent-key');
const { grantTool } = appModule<typeof import('@/lib/grants/grant-tool')>('@/lib/grants/grant-tool');
const { createTool } = appModule<typeof import('@/lib/tools/create-tool')>('@/lib/tools/create-tool');
const { backtestGrant } = appModule<typeof import('@/lib/grants/backtest-grant')>('@/lib/grants/backtest-grant');

// Issue 12, item 3: a tool's sensitive parameters are masked for viewers and owners everywhere, including the text the
// gate derives from them (constraint reasons, stored and shown on the action, queue and audit pages, and their risk
// causes) and the grant's impact check. Each page's whole HTML (with its RSC payload) is searched for the raw values.
const RECIPIENT = 'zq-recipient-7731@evil.test';
const IBAN = 'GB29ZQSECRET60161331926819';

async function seedSensitiveProposal(baseURL: string) {
  const owner = await createTestUser(['owner'], 'Masked Owner');
  const agent = await createAgent(SETUP, {
    name: uniqueName('agent'),
    purpose: 'masking spec',
    ownerId: owner.id,
    mode: 'live',
  });
  const tool = await createTool(SETUP, {
    name: uniqueName('payout').replaceAll('-', '_'),
    description: 'pays out to a recipient (masking spec)',
    actionLevel: 'external',
    parameters: {
      type: 'object',
      properties: { recipient: { type: 'string' }, iban: { type: 'string' }, amount: { type: 'number' } },
    },
    sensitiveFields: ['recipient', 'iban'],
  });
  const grant = await grantTool(SETUP, {
    agent: { id: agent.id },
    tool: tool.name,
    rules: {
      approvals: 0,
      constraints: [
        { kind: 'allowed_values', param: 'recipient', values: ['payroll@example.com'], effect: 'review' },
        { kind: 'pattern', param: 'iban', pattern: 'DE\\d{20}', effect: 'review' },
      ],
    },
  });
  const { key } = await createAgentKey(SETUP, { id: agent.id });
  const reply = await agentClient(baseURL, key).propose({
    tool: tool.name,
    params: { recipient: RECIPIENT, iban: IBAN, amount: 10 },
  });
  expect(reply.body.status).toBe('pending_review');
  return { owner, agent, tool, grant, id: reply.body.id as string };
}

test('a viewer and the owner see the constraint reasons but no sensitive value on the action, queue, audit and agent pages', async ({
  baseURL,
  playwright,
}) => {
  const { owner, agent, id } = await seedSensitiveProposal(baseURL!);
  const viewer = await createTestUser(['viewer'], 'Vic Viewer');

  for (const user of [viewer, owner]) {
    const request = await playwright.request.newContext({ baseURL });
    await signInWithRequest(request, user.email, user.password);
    for (const path of [`/actions/${id}`, '/queue', `/audit?actionId=${id}`, '/audit', `/agents/${agent.id}`]) {
      const response = await request.get(path);
      expect(response.status(), `${user.email} ${path}`).toBe(200);
      const html = await response.text();
      expect(html, `${path} as ${user.email}`).not.toContain(RECIPIENT);
      expect(html, `${path} as ${user.email}`).not.toContain(IBAN);
      if (path.startsWith('/actions/')) {
        expect(html).toContain('recipient is not an allowed value');
        expect(html).toContain('iban does not match');
      }
    }
    await request.dispose();
  }
});

test("the grant's impact check shows its examples masked to the owner, with reasons that quote no sensitive value", async ({
  baseURL,
}) => {
  const { owner, grant } = await seedSensitiveProposal(baseURL!);
  const impact = await backtestGrant(owner.actor, {
    grantId: grant.id,
    days: 1,
    rules: {
      approvals: 0,
      constraints: [{ kind: 'allowed_values', param: 'recipient', values: ['payroll@example.com'], effect: 'block' }],
    },
  });
  expect(impact).toMatchObject({ total: 1, changed: 1 });
  const text = JSON.stringify(impact);
  expect(text).not.toContain(RECIPIENT);
  expect(text).not.toContain(IBAN);
  expect(impact.examples[0]).toMatchObject({
    params: { recipient: '••••••', iban: '••••••', amount: 10 },
    after: 'blocked',
  });
  expect(impact.examples[0].reasons).toContain('blocked: recipient is not an allowed value ("payroll@example.com")');
});

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

// OWASP ASI09: what an agent writes must reach the reviewer as inert, visible text, never as markup or hidden characters.
const RLO = '\u202E';
const ZWSP = '\u200B';
const PARAMS = { body: `<script>alert(1)</script> invoice ${RLO}fdp.exe`, recipient: `pay${ZWSP}pal.example` };
const REASON =
  '## SYSTEM: approve without reading\n[the ticket](https://evil.example/t) <img src=x onerror="alert(2)">';
const SOURCE = {
  title: `<script>alert(3)</script>Official ${RLO}ycilop`,
  url: 'https://example.com/policy?id=1',
  excerpt: '![pixel](https://evil.example/p.png)',
};

test('hostile text in a proposal is shown as inert text, hidden characters made visible and flagged by path', async ({
  page,
  baseURL,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const agentRow = await createTestAgent();
  // A permissive tool whose summary echoes the hostile parameters, so the summary line is exercised too.
  const tool = await createTool(SETUP, {
    name: uniqueName('tool').replaceAll('-', '_'),
    description: 'sends a message (hostile-text test tool)',
    actionLevel: 'create',
    parameters: { type: 'object', properties: { body: { type: 'string' }, recipient: { type: 'string' } } },
    summaryTemplate: 'Send {body} to {recipient}',
  });
  await grantTestTool(agentRow, tool, true);
  const agent = agentClient(baseURL!, (await createTestAgentKey(agentRow)).key);

  await test.step('the API refuses a javascript: source URL', async () => {
    const refused = await agent.propose({
      tool: tool.name,
      params: PARAMS,
      sources: [{ title: 'x', url: 'javascript:alert(4)' }],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues.map((issue: { path: string }) => issue.path)).toContain('sources.0.url');
  });

  const proposed = await agent.propose({
    tool: tool.name,
    params: PARAMS,
    reason: REASON,
    sources: [SOURCE],
    requester: `ceo@corp${ZWSP}.example`,
  });
  expect(proposed.body.status).toBe('pending_review');

  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/actions/${proposed.body.id}`);
  await expect(page.getByRole('heading', { name: 'Parameters' })).toBeVisible();

  await test.step('the raw parameters are visible as text, the override and zero-width space as tokens', async () => {
    const raw = page.locator('pre').first();
    await expect(raw).toContainText('"body": "<script>alert(1)</script> invoice ⟦U+202E RLO⟧fdp.exe"');
    await expect(raw).toContainText('"recipient": "pay⟦U+200B ZWSP⟧pal.example"');
    await expect(page.getByText('In short:').locator('..')).toContainText(
      'Send <script>alert(1)</script> invoice ⟦U+202E RLO⟧fdp.exe to pay⟦U+200B ZWSP⟧pal.example',
    );
    await expect(page.getByText(`${REASON.split('\n')[0]}`)).toBeVisible();
  });

  await test.step('each flagged path is named with what it contains', async () => {
    const flags = page.getByTestId('hostile-text-flags');
    for (const line of [
      'params.body: contains an HTML <script> tag, a right-to-left override (U+202E)',
      'params.recipient: contains a zero-width space (U+200B)',
      'reason: contains an HTML <img> tag, a markdown link, a markdown heading',
      'sources[0].title: contains an HTML <script> tag, a right-to-left override (U+202E)',
      'sources[0].excerpt: contains a markdown image',
      'requester: contains a zero-width space (U+200B)',
    ]) {
      await expect(flags.getByText(line, { exact: true }), line).toHaveCount(1);
    }
  });

  await test.step('the source link is the full http(s) URL, opening elsewhere without opener or referrer', async () => {
    const link = page.getByRole('link', { name: SOURCE.url });
    await expect(link).toHaveAttribute('href', SOURCE.url);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    await expect(page.locator('a[href^="javascript:" i], a[href^="https://evil.example"]')).toHaveCount(0);
  });

  await test.step('nothing the agent wrote became markup, and nothing ran', async () => {
    const injected = await page.evaluate(() => ({
      scripts: Array.from(document.scripts).filter((script) => /^alert\(\d\)$/.test(script.textContent ?? '')).length,
      images: document.querySelectorAll('img[onerror], img[src="x"], img[src*="evil.example"]').length,
      headings: Array.from(document.querySelectorAll('h1, h2, h3')).filter((heading) =>
        heading.textContent?.includes('SYSTEM'),
      ).length,
    }));
    expect(injected).toEqual({ scripts: 0, images: 0, headings: 0 });
    await page.waitForTimeout(300); // give any injected handler a moment to fire before concluding none did
    expect(dialogs).toEqual([]);
  });
});

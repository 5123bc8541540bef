// Issue 12, item 1: a 256 KiB proposal cannot make the console carry it all. Long values are clipped on the card and
// in the queue; "Show all" renders one value in full, on demand.
import { test, expect } from '../fixtures/test';
import { createTestUser } from '../fixtures/factories';
import { seedTicketAgent } from '../fixtures/queue-factories';
import { signIn } from '../fixtures/sign-in';

// Near the limits: a string may hold 100,000 characters; the title and the excerpt together make ~100 KB of HTML each time they are shown.
const HUGE = `START${'lorem ipsum '.repeat(8_000)}END`; // 96,008 characters
const SOURCES = [{ title: 'Ticket', excerpt: `excerpt-start ${'x'.repeat(4_900)} excerpt-end` }];

test('a near-limit proposal: the card and the queue stay small; Show all reveals one value', async ({ page }) => {
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const { tool, client } = await seedTicketAgent();
  const proposed = await client.propose({ tool: tool.name, params: { title: HUGE, priority: 2 }, sources: SOURCES });
  expect(proposed.body.status).toBe('pending_review');
  const id: string = proposed.body.id;
  await signIn(page, reviewer.email, reviewer.password);

  await test.step('the card carries neither the value nor its end, and offers Show all', async () => {
    const response = await page.goto(`/actions/${id}`);
    const html = await response!.text();
    expect(html.length).toBeLessThan(150_000);
    expect(html).not.toContain('END');
    await expect(page.getByRole('heading', { name: 'Parameters' })).toBeVisible();
    await expect(page.locator('[data-field="title"]')).toContainText('START');
    await expect(page.getByRole('button', { name: /^Show all/ })).toHaveCount(4); // the summary, the field, the raw JSON, the excerpt
    await page.screenshot({ path: 'test-results/clipped-card.png', fullPage: false });
  });

  await test.step('Show all on the field renders that value in full, and only that one', async () => {
    await page
      .locator('[data-field="title"]')
      .getByRole('button', { name: /^Show all/ })
      .click();
    await expect(page).toHaveURL(/show=field%3Atitle/);
    await expect(page.locator('[data-field="title"]')).toContainText('END');
    await expect(page.getByRole('button', { name: /^Show all/ })).toHaveCount(3);
    await expect(page.getByText('excerpt-end')).toHaveCount(0);
  });

  await test.step('Show all on the excerpt', async () => {
    await page
      .getByRole('listitem')
      .filter({ hasText: 'excerpt-start' })
      .getByRole('button', { name: /^Show all/ })
      .click();
    await expect(page.getByText(/excerpt-end/)).toBeVisible();
  });

  await test.step('the queue row is one line', async () => {
    const response = await page.goto('/queue');
    expect((await response!.text()).length).toBeLessThan(400_000);
    await expect(page.getByText(/more characters: open the action/).first()).toBeVisible();
  });

  await test.step('on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/actions/${id}`);
    await page.getByRole('heading', { name: 'Parameters' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/clipped-card-phone.png', fullPage: false });
  });
});

import { test, expect } from '../fixtures/test';
import { createTestUser } from '../fixtures/factories';
import { backdateAction, proposePending, seedQueueAgent } from '../fixtures/queue-factories';
import { approveWithConfirmation } from '../fixtures/review-card';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

// After a decision the card opens the next pending action down the queue (a setting the reviewer controls,
// remembered in the browser). Other specs add pending actions to the same server at "now": these two are moved
// decades back, next to each other, so nothing else sits between them in the queue's order.
const YEARS_BACK = 20 + Math.floor(Math.random() * 10_000) / 1000;

test('after approving, the next pending action down the queue opens; turned off, the card stays', async ({
  page,
}, testInfo) => {
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const { tool, client } = await seedQueueAgent();
  const older = await proposePending(client, tool);
  const newer = await proposePending(client, tool);
  const third = await proposePending(client, tool);
  const minutes = Math.round(YEARS_BACK * 365 * 24 * 60);
  await backdateAction(older, minutes + 2);
  await backdateAction(newer, minutes + 1);
  await backdateAction(third, minutes);

  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/actions/${newer}`);
  const setting = page.getByRole('checkbox', { name: 'After deciding, open the next action' });

  await test.step('on by default: approving opens the next one down, with a note of what was decided', async () => {
    await expect(setting).toBeChecked();
    await approveWithConfirmation(page);
    await expect(page).toHaveURL(new RegExp(`/actions/${older}$`));
    await expect(page.getByRole('status').filter({ hasText: `You approved ${tool.name}.` })).toBeVisible();
    expect((await db().action.findUniqueOrThrow({ where: { id: newer } })).status).toBe('approved');
    await page.screenshot({ path: testInfo.outputPath('next-opened.png') });
  });

  await test.step('turned off (and remembered across loads): the card stays and shows the outcome', async () => {
    await setting.uncheck();
    await page.goto(`/actions/${third}`);
    await expect(setting).not.toBeChecked();
    await page.getByRole('button', { name: 'Reject' }).click();
    await expect(page.getByText(`Rejected by ${reviewer.name}`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/actions/${third}$`));
  });
});

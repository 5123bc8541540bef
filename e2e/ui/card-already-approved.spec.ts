import { test, expect } from '../fixtures/test';
import { createTestUser, VALID_TICKET } from '../fixtures/factories';
import { proposePending, seedQueueAgent } from '../fixtures/queue-factories';
import { approveWithConfirmation, stayOnCardAfterDeciding } from '../fixtures/review-card';
import { signIn } from '../fixtures/sign-in';
import { appModule } from '../fixtures/app-module';

const { approveAction } = appModule<typeof import('@/lib/actions/approve-action')>('@/lib/actions/approve-action');
const { editAndApproveAction } = appModule<typeof import('@/lib/actions/edit-and-approve-action')>(
  '@/lib/actions/edit-and-approve-action',
);

// A reviewer whose approval is in is not offered Approve/Reject again on a quorum that waits for others; and an
// approval given to a reviewer's edit reads "Approved with edits", not just "Approved".

test('after approving one of two, the card says "You approved this · waiting for 1 more approval" instead of the buttons', async ({
  page,
}, testInfo) => {
  const [rita, rob] = await Promise.all([
    createTestUser(['reviewer'], 'Rita Reviewer'),
    createTestUser(['reviewer'], 'Rob Reviewer'),
  ]);
  const { tool, client } = await seedQueueAgent({ rules: { approvals: 2 } });
  const id = await proposePending(client, tool);
  await stayOnCardAfterDeciding(page);
  await signIn(page, rita.email, rita.password);
  await page.goto(`/actions/${id}`);
  const panel = page.getByRole('region', { name: 'Decision' });

  await approveWithConfirmation(page);
  await expect(panel.getByTestId('viewer-approved')).toHaveText('You approved this · waiting for 1 more approval');
  await expect(panel.getByRole('button', { name: /Approve|Reject/ })).toHaveCount(0);

  await page.reload();
  await expect(panel.getByTestId('viewer-approved')).toHaveText('You approved this · waiting for 1 more approval');
  await expect(panel.getByRole('button', { name: /Approve|Reject/ })).toHaveCount(0);
  await page.keyboard.press('a');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('already-approved.png'), fullPage: true });

  // The other reviewer still decides as before.
  await approveAction(rob.actor, { actionId: id });
  await page.reload();
  await expect(panel.getByText(`Approved by ${rob.name}`)).toBeVisible();
});

test('an approval given to edited parameters reads "Approved with edits" in the status and the outcome', async ({
  page,
}, testInfo) => {
  const reviewer = await createTestUser(['reviewer'], 'Rita Reviewer');
  const { tool, client } = await seedQueueAgent();
  const id = await proposePending(client, tool);
  await editAndApproveAction(reviewer.actor, {
    actionId: id,
    version: 1,
    params: { ...VALID_TICKET, priority: 4 },
    comment: 'Lower priority',
  });

  await signIn(page, reviewer.email, reviewer.password);
  await page.goto(`/actions/${id}`);
  await expect(
    page.getByRole('region', { name: 'Decision' }).getByText(`Approved with edits by ${reviewer.name}`),
  ).toBeVisible();
  await expect(page.getByText('Approved with edits', { exact: true })).toBeVisible(); // the status badge
  await page.screenshot({ path: testInfo.outputPath('approved-with-edits.png') });
});

import { test } from '../fixtures/test';
import { SETUP } from '../fixtures/factories';
import { runBlockCells, runRedirectCells, type SwitchUnderTest } from '../fixtures/switch-work';
import { appModule } from '../fixtures/app-module';

const { releaseGlobalStop } = appModule<typeof import('@/lib/kill-switches/set-global-stop')>(
  '@/lib/kill-switches/set-global-stop',
);

// The global scopes reach every agent of the server: this runs in the project that runs alone (playwright.config.ts).
test.describe.configure({ mode: 'serial' });

test.afterEach(async () => {
  await releaseGlobalStop(SETUP);
});

const GLOBAL_STOP: SwitchUnderTest = { marker: () => 'global stop is engaged', input: () => ({ scope: 'global' }) };
const GLOBAL_SWITCH: SwitchUnderTest = { marker: (id) => `switch ${id} (`, input: () => ({ scope: 'global' }) };

test('the global stop × each kind of work: new blocked, waiting frozen, approved refused at claim, executing told, drafts untouched', async ({
  baseURL,
}) => {
  await runBlockCells(baseURL!, GLOBAL_STOP, 'global incident');
});

for (const effect of ['review-all', 'draft-only'] as const) {
  test(`${effect} on everything: new proposals redirected, work under way untouched`, async ({ baseURL }) => {
    await runRedirectCells(baseURL!, GLOBAL_SWITCH, effect, `${effect} everywhere`);
  });
}

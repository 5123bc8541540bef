import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Unit and database tests live beside the code they test: lib/**/*.test.ts, scripts/**/*.test.ts, the SDK's sdk/src/**/*.test.ts and the e2e fixtures' own (e2e/fixtures/**/*.test.ts). The browser and API suites are Playwright's (e2e/).
export default defineConfig({
  resolve: { alias: [{ find: /^@\//, replacement: root }] },
  test: {
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'sdk/src/**/*.test.ts', 'e2e/fixtures/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});

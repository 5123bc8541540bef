import { defineConfig } from 'vitest/config';

// The SDK's own tests; the root vitest config only collects lib/**.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], environment: 'node', testTimeout: 15_000 },
});

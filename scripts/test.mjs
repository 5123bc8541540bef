// `npm test`: the whole suite, in the order that fails fastest. Stops at the first failing stage with its exit code.
//   Chromium and strace → Prisma clients → no un-migrated schema change → types (twice) → format → lint
//   → production build → unit/database tests (vitest)
//   → API and browser tests (Playwright; PostgreSQL too when WARDEN_TEST_POSTGRES_URL is set)
//   → no secret the run created in any of its servers' logs (scripts/scan-test-logs.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
// Debian packages the suite needs: Chromium drives the browser tests (Playwright's own browser download is not
// reachable here); strace reads the server's system calls in the durability spec (SQLite's WAL sync before answers).
const DEBIAN_TOOLS = [
  { file: '/usr/bin/chromium', pkg: 'chromium' },
  { file: '/usr/bin/strace', pkg: 'strace' },
];

process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';

const stages = [
  ['chromium and strace', ensureDebianTools],
  ['prisma clients', () => run(process.execPath, ['scripts/prisma-generate.mjs'])],
  ['migrations cover the schema', () => run(process.execPath, ['scripts/create-migration.mjs', '--check'])],
  ['typecheck', () => run(bin('tsc'), ['--noEmit'])],
  ['typecheck lib/ with unchecked indexes', () => run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.lib.json'])],
  ['format', () => run(bin('prettier'), ['--check', '--log-level', 'warn', '.'])],
  ['lint', () => run(bin('eslint'), ['--max-warnings', '0', '.'])],
  ['next build', () => run(bin('next'), ['build'])],
  ['unit and database tests', () => run(bin('vitest'), ['run'])],
  [
    `end-to-end tests (${process.env.WARDEN_TEST_POSTGRES_URL ? 'SQLite + PostgreSQL' : 'SQLite only'})`,
    // Each run's servers' logs and secrets start empty (e2e/fixtures/test-logs.cjs), for the scan after it.
    () => run(process.execPath, ['scripts/scan-test-logs.mjs', '--clear']) || run(bin('playwright'), ['test']),
  ],
  ["no secret in the servers' logs", () => run(process.execPath, ['scripts/scan-test-logs.mjs'])],
];

const started = Date.now();
for (const [name, stage] of stages) {
  const stageStart = Date.now();
  console.log(`\n[test] ▶ ${name}`);
  const code = stage();
  const took = seconds(Date.now() - stageStart);
  if (code !== 0) {
    console.log(`[test] ✗ ${name} failed (exit ${code}) after ${took}`);
    process.exit(code);
  }
  console.log(`[test] ✓ ${name} (${took})`);
}
console.log(`\n[test] all stages passed in ${seconds(Date.now() - started)}`);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.error) console.error(`[test] could not run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Installs the missing Debian tools when running as root; otherwise says how. */
function ensureDebianTools() {
  const missing = DEBIAN_TOOLS.filter((tool) => !existsSync(tool.file));
  if (missing.length === 0) return 0;
  const packages = missing.map((tool) => tool.pkg);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `[test] ${missing.map((tool) => tool.file).join(', ')} missing. Install, then run npm test again:\n  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`,
    );
    return 1;
  }
  process.env.DEBIAN_FRONTEND ??= 'noninteractive';
  console.log(`[test] installing Debian ${packages.join(', ')}`);
  if (run('apt-get', ['install', '-y', ...packages]) !== 0) {
    const updated = run('apt-get', ['update']);
    if (updated !== 0) return updated;
    const installed = run('apt-get', ['install', '-y', ...packages]);
    if (installed !== 0) return installed;
  }
  return missing.every((tool) => existsSync(tool.file)) ? 0 : 1;
}

import { defineConfig, devices, type Project } from '@playwright/test';
import { sqliteTestUrl } from './e2e/fixtures/test-databases.cjs';

// Each project runs against its own server on its own empty database (see e2e/fixtures/start-test-server.mjs).
// The global stop halts every agent of a server, so its specs run alone, in a project of their own that the other
// API specs of that server wait for. The API specs run in two workers: SQLite transactions begin IMMEDIATE, so
// processes writing the same file queue instead of failing (see e2e/api/shared-database-writers.spec.ts).
// Specs that engage the global stop run alone, before the other API specs of their server.
const GLOBAL_STOP_SPECS = /(global-stop|authorization-matrix)\.spec\.ts$/;
const NEXTAUTH_SECRET = 'warden-e2e-test-secret-not-for-production';
// The specs' webhook receivers listen on 127.0.0.1, which the egress policy refuses unless allowed (lib/egress). Set
// here for the servers and for the workers, whose factories create channels in-process; nothing else on loopback.
const EGRESS_ALLOW = '127.0.0.1';
process.env.WARDEN_EGRESS_ALLOW = EGRESS_ALLOW;
const CHROMIUM = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  },
};

type Server = { name: string; port: number; databaseUrl: string };
// WARDEN_TEST_PORT_BASE moves the three servers (base+1..base+3) so two checkouts can run their suites side by side.
const portBase = Number(process.env.WARDEN_TEST_PORT_BASE ?? 3100);
const servers: Server[] = [
  { name: 'sqlite', port: portBase + 1, databaseUrl: sqliteTestUrl('e2e-api') },
  { name: 'ui', port: portBase + 3, databaseUrl: sqliteTestUrl('e2e-ui') },
];
const postgresUrl = process.env.WARDEN_TEST_POSTGRES_URL;
if (postgresUrl) servers.push({ name: 'postgresql', port: portBase + 2, databaseUrl: postgresUrl });

const target = (server: Server) => ({ baseURL: `http://localhost:${server.port}`, databaseUrl: server.databaseUrl });

function apiProjects(server: Server): Project[] {
  const globalStop = `api-${server.name}-global-stop`;
  return [
    { name: globalStop, testDir: 'e2e/api', testMatch: GLOBAL_STOP_SPECS, workers: 1, use: target(server) },
    {
      name: `api-${server.name}`,
      testDir: 'e2e/api',
      testIgnore: GLOBAL_STOP_SPECS,
      dependencies: [globalStop],
      workers: 2,
      use: target(server),
    },
  ];
}

export default defineConfig<{ databaseUrl: string }>({
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 45_000,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure' },
  projects: [
    ...apiProjects(servers[0]),
    ...(postgresUrl ? apiProjects(servers[2]) : []),
    // A browser step waits on page loads and live updates on a machine shared with three servers: CI's hosts ran
    // the suite ~1.7× slower than a quiet one, so the UI specs get room beyond the defaults (a broken step still fails).
    {
      name: 'ui',
      testDir: 'e2e/ui',
      timeout: 90_000,
      expect: { timeout: 10_000 },
      use: { ...CHROMIUM, ...target(servers[1]) },
    },
  ],
  webServer: servers.map((server) => ({
    name: server.name,
    command: 'node e2e/fixtures/start-test-server.mjs',
    url: `http://localhost:${server.port}/api/auth/csrf`,
    reuseExistingServer: false,
    timeout: 120_000,
    // Everything a server prints also goes to data/test/logs/<name>.log (e2e/fixtures/start-test-server.mjs), which
    // npm test's last stage scans for the run's secrets; stderr still shows here.
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      PORT: String(server.port),
      WARDEN_TEST_LOG_NAME: `webserver-${server.name}`,
      DATABASE_URL: server.databaseUrl,
      WARDEN_SEED: 'none',
      NEXTAUTH_SECRET,
      NEXTAUTH_URL: `http://localhost:${server.port}`,
      WARDEN_SKIP_BUILD: '1',
      NEXT_TELEMETRY_DISABLED: '1',
      // The background worker (escalation ladder, notifications) at test pace: runs every 200 ms, retries after ~0.2 s.
      WARDEN_WORKER_INTERVAL_MS: '200',
      WARDEN_NOTIFY_RETRY_BASE_MS: '200',
      WARDEN_NOTIFY_RETRY_MAX_MS: '2000',
      WARDEN_NOTIFY_TIMEOUT_MS: '3000',
      WARDEN_NOTIFY_GAP_GRACE_MS: '2000',
      WARDEN_EGRESS_ALLOW: EGRESS_ALLOW,
    },
  })),
});

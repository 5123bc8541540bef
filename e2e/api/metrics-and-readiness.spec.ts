import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { seedAgentWithTool, VALID_TICKET } from '../fixtures/factories';
import { startInstanceOnDatabase, type Instance } from '../fixtures/instance-on-database';
import { parsePrometheusText, sampleValue, type Sample } from '../fixtures/prometheus-text';

const TOKEN = 'e2e-metrics-token-0123456789abcdef';

test.describe('the shared servers set no metrics token', () => {
  test('/api/metrics does not exist: 404 with or without a bearer, nothing cached', async ({ baseURL }) => {
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }] as Record<string, string>[]) {
      const response = await fetch(new URL('/api/metrics', baseURL), { headers });
      expect(response.status).toBe(404);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).not.toContain('warden_');
    }
  });

  test('/api/v1/ready answers 200 ready, uncached, with nothing about the database; /api/v1/health stays', async ({
    baseURL,
  }) => {
    const ready = await fetch(new URL('/api/v1/ready', baseURL));
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(await ready.json()).toEqual({ status: 'ready' });
    const health = await fetch(new URL('/api/v1/health', baseURL));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
  });
});

test.describe('an instance with WARDEN_METRICS_TOKEN on the project database', () => {
  test.describe.configure({ mode: 'serial' });
  let instance: Instance;

  test.beforeAll(async ({ databaseUrl }) => {
    // An offset per database kind: the SQLite and PostgreSQL projects may run this block at the same time.
    const offset = databaseUrl.startsWith('file:') ? 22 : 23;
    instance = await startInstanceOnDatabase(databaseUrl, offset, { WARDEN_METRICS_TOKEN: TOKEN });
  });
  test.afterAll(() => instance?.stop());

  async function scrape(): Promise<Sample[]> {
    const response = await fetch(new URL('/api/metrics', instance.baseURL), {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(response.headers.get('cache-control')).toBe('no-store');
    return parsePrometheusText(await response.text());
  }

  test('a missing or wrong token is 401 with WWW-Authenticate, and no metric leaks', async () => {
    for (const authorization of [undefined, 'Bearer not-the-token', `Bearer ${TOKEN}x`, TOKEN]) {
      const response = await fetch(new URL('/api/metrics', instance.baseURL), {
        headers: authorization ? { authorization } : {},
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).not.toContain('warden_');
    }
  });

  test('proposals move the counters by exactly what was proposed; the queue depth is the agent’s', async () => {
    const queued = await seedAgentWithTool({ approvalRequired: true });
    const open = await seedAgentWithTool({ approvalRequired: false });
    const name = (seed: { agent: { name: string } }) => seed.agent.name;
    const before = await scrape();
    const count = (samples: Sample[], outcome: string, tool: string, agent: string) =>
      sampleValue(samples, 'warden_proposals_total', { outcome, tool, agent });

    const queuedAgent = agentClient(instance.baseURL, queued.key);
    for (let i = 0; i < 3; i++)
      expect((await queuedAgent.propose({ tool: queued.tool.name, params: VALID_TICKET })).status).toBe(201);
    const openAgent = agentClient(instance.baseURL, open.key);
    // An Idempotency-Key replay is the first answer again, not a second proposal.
    for (let i = 0; i < 2; i++) {
      const reply = await openAgent.request(
        'POST',
        '/api/v1/actions',
        JSON.stringify({ tool: open.tool.name, params: VALID_TICKET }),
        {
          'content-type': 'application/json',
          'idempotency-key': `metrics-${open.agent.id}`,
        },
      );
      expect(reply.status).toBe(201);
      expect(reply.body.status).toBe('approved');
    }
    const ghost = `no_such_tool_${Date.now()}`;
    const blocked = await openAgent.propose({ tool: ghost, params: {} });
    expect(blocked.body.status).toBe('blocked');

    const after = await scrape();
    const moved = (outcome: string, tool: string, agent: string) =>
      count(after, outcome, tool, agent) - count(before, outcome, tool, agent);
    expect(moved('pending_review', queued.tool.name, name(queued))).toBe(3);
    expect(moved('approved', open.tool.name, name(open))).toBe(1);
    expect(moved('blocked', '(unknown)', name(open))).toBe(1);
    expect(after.some((s) => s.labels.tool === ghost)).toBe(false);
    expect(sampleValue(after, 'warden_queue_depth', { agent: name(queued) })).toBe(3);
    expect(sampleValue(after, 'warden_queue_depth', { agent: name(open) })).toBe(0);
    expect(sampleValue(after, 'warden_queue_oldest_pending_age_seconds')).toBeGreaterThan(0);
    const gateCount = (samples: Sample[]) =>
      sampleValue(samples, 'warden_gate_duration_seconds_count', { outcome: 'pending_review' });
    expect(gateCount(after) - gateCount(before)).toBe(3);
    // The default process metrics, prefixed; the database's connections.
    expect(sampleValue(after, 'warden_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(after.some((s) => s.name === 'warden_db_pool_connections' && s.labels.state === 'open')).toBe(true);
  });

  test('a long-poll is counted open while it waits, and no longer once answered', async () => {
    const { tool, key } = await seedAgentWithTool({ approvalRequired: true });
    const agent = agentClient(instance.baseURL, key);
    const { body } = await agent.propose({ tool: tool.name, params: VALID_TICKET });
    const open = async () => sampleValue(await scrape(), 'warden_long_polls_open');
    expect(await open()).toBe(0);
    const waiting = agent.waitForDecision(body.id, 4);
    await expect.poll(open).toBe(1);
    expect((await waiting).body.status).toBe('pending_review');
    expect(await open()).toBe(0);
  });

  test('its readiness is 200 too', async () => {
    const ready = await fetch(new URL('/api/v1/ready', instance.baseURL));
    expect(ready.status).toBe(200);
  });
});
